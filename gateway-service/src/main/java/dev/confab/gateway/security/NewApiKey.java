package dev.confab.gateway.security;

import java.util.Locale;

/** {@code bin/confab-api-key}: makes a tenant's API key and prints the configuration that accepts it. */
public final class NewApiKey {

    private NewApiKey() {
    }

    public static void main(String[] args) {
        if (args.length != 2 || !args[0].equals("--tenant") || !args[1].matches("[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}")) {
            System.err.println("usage: bin/confab-api-key --tenant TENANT");
            System.exit(2);
            return;
        }
        ApiKeys.NewKey key = ApiKeys.generate();
        System.out.printf(Locale.ROOT, """
                API key for tenant '%1$s' (give it to the client now; it is stored nowhere):

                  %2$s

                Gateway configuration (application.properties, or a mounted config file; holds only the hash):

                  gateway.api-keys.%3$s.tenant=%1$s
                  gateway.api-keys.%3$s.sha256=%4$s
                  gateway.api-keys.%3$s.requests-per-second=10
                  gateway.api-keys.%3$s.burst=20
                """, args[1], key.key(), key.keyId(), key.sha256());
    }
}
