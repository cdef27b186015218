package dev.confab.testsupport;

import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;

/**
 * API keys for tests, accepted by every service whose tests have this module on the class path (a config source at
 * a low ordinal, so a test profile's own keys still count): a platform key with every role, an agent key of the
 * tenant the gateway's tests chat as, a client key of tenant {@code acme}
 * and a key of tenant {@code globex} with every role. They exist nowhere but in tests.
 */
public final class TestKeys implements ConfigSource {

    /** Acts for any tenant a request names, with every role. */
    public static final String PLATFORM = "cfk.testplat.platform-key-of-the-test-suite-not-secret00";
    /** An agent of tenant {@code default}, the tenant the gateway's tests chat as without a key. */
    public static final String DEFAULT_AGENT = "cfk.testagnt.agent-key-of-the-test-suite-not-a-secret000";

    /** A client of tenant {@code acme}: may chat, and nothing else. */
    public static final String ACME_CLIENT = "cfk.testacme.client-key-of-the-test-suite-not-a-secret00";

    /** Every role, for tenant {@code globex} only. */
    public static final String GLOBEX_ALL = "cfk.testglbx.globex-key-of-the-test-suite-not-a-secret00";

    private static final Map<String, String> PROPERTIES = properties();

    /** A request with the platform key. */
    public static RequestSpecification asPlatform() {
        return given().header("Authorization", "Bearer " + PLATFORM);
    }

    /** A request with tenant {@code default}'s agent key. */
    public static RequestSpecification asDefaultAgent() {
        return given().header("Authorization", "Bearer " + DEFAULT_AGENT);
    }

    /** A request with tenant {@code acme}'s client key. */
    public static RequestSpecification asAcmeClient() {
        return given().header("Authorization", "Bearer " + ACME_CLIENT);
    }

    /** A request with tenant {@code globex}'s key, which has every role. */
    public static RequestSpecification asGlobex() {
        return given().header("Authorization", "Bearer " + GLOBEX_ALL);
    }

    @Override
    public Map<String, String> getProperties() {
        return PROPERTIES;
    }

    @Override
    public Set<String> getPropertyNames() {
        return PROPERTIES.keySet();
    }

    @Override
    public String getValue(String name) {
        return PROPERTIES.get(name);
    }

    @Override
    public String getName() {
        return "confab-test-keys";
    }

    @Override
    public int getOrdinal() {
        return 50;
    }

    private static Map<String, String> properties() {
        Map<String, String> properties = new HashMap<>();
        key(properties, PLATFORM, "*", "client,agent,reviewer,analyst,admin");
        // The platform key drives load-like tests; the gateway's rate limit is tested with keys of its own.
        properties.put("confab.auth.api-keys.testplat.requests-per-second", "10000");
        properties.put("confab.auth.api-keys.testplat.burst", "10000");
        key(properties, DEFAULT_AGENT, "default", "agent");
        key(properties, ACME_CLIENT, "acme", "client");
        key(properties, GLOBEX_ALL, "globex", "client,agent,reviewer,analyst,admin");
        return Map.copyOf(properties);
    }

    private static void key(Map<String, String> properties, String key, String tenant, String roles) {
        String prefix = "confab.auth.api-keys." + key.split("\\.")[1] + ".";
        properties.put(prefix + "tenant", tenant);
        properties.put(prefix + "sha256", sha256(key));
        properties.put(prefix + "roles", roles);
    }

    private static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
