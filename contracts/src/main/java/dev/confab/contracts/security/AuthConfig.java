package dev.confab.contracts.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The API keys every Confab service accepts, the same set for all of them (one mounted Secret): by public id, with
 * only the SHA-256 of the whole key, so the configuration is no secret.
 */
@ConfigMapping(prefix = "confab.auth")
public interface AuthConfig {

    /** Keys by public id, as {@code bin/confab-api-key} prints them. */
    Map<String, ApiKey> apiKeys();

    /**
     * The tenant a request without a key acts for, as a {@code client} only, for a local run or a demo; unset
     * (production), every API needs a key.
     */
    Optional<String> anonymousTenant();

    /** One API key. */
    interface ApiKey {

        /** The tenant every request with this key acts for; {@code *} for a platform key that names it per request. */
        String tenant();

        /** Hex SHA-256 of the whole key. */
        String sha256();

        /** What the key may do (see {@link Roles}). */
        @WithDefault(Roles.CLIENT)
        Set<String> roles();

        /** Steady rate the gateway allows, per replica. */
        @WithDefault("10")
        double requestsPerSecond();

        /** Requests the gateway allows at once above the steady rate. */
        @WithDefault("20")
        int burst();
    }
}
