package dev.confab.contracts.security;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code bin/confab-api-key}: makes an API key with a tenant and roles, and prints the configuration accepting it. */
public final class NewApiKey {

    private static final String USAGE = "usage: bin/confab-api-key --tenant TENANT|'*' [--roles ROLE[,ROLE...]]\n"
            + "  roles: " + String.join(", ", Roles.ALL) + " (default client)";

    private NewApiKey() {
    }

    public static void main(String[] args) {
        Map<String, String> options = options(args);
        String tenant = options.get("--tenant");
        List<String> roles = Arrays.asList(options.getOrDefault("--roles", Roles.CLIENT).split(","));
        if (tenant == null || !(tenant.equals(Caller.PLATFORM) || tenant.matches("[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}"))
                || !Roles.ALL.containsAll(roles)) {
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        ApiKeys.NewKey key = ApiKeys.generate();
        System.out.printf(Locale.ROOT, """
                API key for tenant '%1$s' with roles %5$s (give it to its holder now; it is stored nowhere):

                  %2$s

                Configuration of every Confab service (application.properties, or the mounted Secret; holds only
                the hash):

                  confab.auth.api-keys.%3$s.tenant=%1$s
                  confab.auth.api-keys.%3$s.sha256=%4$s
                  confab.auth.api-keys.%3$s.roles=%5$s
                  confab.auth.api-keys.%3$s.requests-per-second=10
                  confab.auth.api-keys.%3$s.burst=20
                """, tenant, key.key(), key.keyId(), key.sha256(), String.join(",", roles));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        if (args.length % 2 != 0 || !List.of("--tenant", "--roles").containsAll(options.keySet())) {
            options.clear();
        }
        return options;
    }
}
