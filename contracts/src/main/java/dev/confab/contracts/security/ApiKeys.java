package dev.confab.contracts.security;

import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API keys, as configuration holds them: by public id, with only the SHA-256 of the whole key. A key is
 * {@code cfk.<id>.<secret>} with 32 random bytes of secret, so a fast hash is enough (no password to stretch), and
 * a leaked configuration lets no one call the API.
 */
@ApplicationScoped
public class ApiKeys {

    private static final Pattern KEY = Pattern.compile("cfk\\.([a-z0-9]{8})\\.([A-Za-z0-9_-]{43})");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AuthConfig config;

    public ApiKeys(AuthConfig config) {
        this.config = config;
    }

    /** The caller a presented key stands for, or empty when it is malformed, unknown or wrong. */
    public Optional<Caller> resolve(String presented) {
        Matcher key = KEY.matcher(presented);
        if (!key.matches()) {
            return Optional.empty();
        }
        AuthConfig.ApiKey known = config.apiKeys().get(key.group(1));
        if (known == null) {
            return Optional.empty();
        }
        byte[] expected = HexFormat.of().parseHex(known.sha256());
        // Constant time, so response timing says nothing about how much of a guess was right.
        return MessageDigest.isEqual(sha256(presented), expected)
                ? Optional.of(new Caller(key.group(1), known.tenant(), known.roles()))
                : Optional.empty();
    }

    /** A new key: give {@link NewKey#key()} to the client once; configuration keeps only the id and the hash. */
    public static NewKey generate() {
        byte[] id = new byte[5];
        RANDOM.nextBytes(id);
        String keyId = HexFormat.of().formatHex(id).substring(0, 8);
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String key = "cfk." + keyId + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new NewKey(keyId, key, HexFormat.of().formatHex(sha256(key)));
    }

    static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    /** A freshly generated key, its public id, and the hash configuration stores. */
    public record NewKey(String keyId, String key, String sha256) {
    }
}
