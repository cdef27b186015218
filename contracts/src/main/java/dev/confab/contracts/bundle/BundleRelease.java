package dev.confab.contracts.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One released version of an assistant bundle, as it travels on {@code assistant.bundles}: every file, so each
 * service can load the same bundle with the same loader and take its part (dialog the flows, nlu the examples,
 * retrieval the knowledge documents).
 *
 * @param digest {@code sha256:<hex>} over the files in path order; a version is immutable, so the same version
 *               with another digest is rejected
 */
public record BundleRelease(String tenantId, String assistantId, String version, String digest, Instant publishedAt,
                            Map<String, String> files) {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public BundleRelease {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(assistantId, "assistantId");
        Objects.requireNonNull(version, "version");
        files = new TreeMap<>(files);
    }

    /** A release of these files, stamped now. */
    public static BundleRelease of(String tenantId, String assistantId, String version, Map<String, String> files) {
        return new BundleRelease(tenantId, assistantId, version, digest(files), Instant.now(), files);
    }

    /** The record key on {@code assistant.bundles}. */
    public String key() {
        return tenantId + "/" + assistantId + "/" + version;
    }

    /** Whether the files are the ones the digest was computed over. */
    public boolean intact() {
        return digest(files).equals(digest);
    }

    public static String digest(Map<String, String> files) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            new TreeMap<>(files).forEach((path, text) -> {
                sha256.update(path.getBytes(StandardCharsets.UTF_8));
                sha256.update((byte) 0);
                sha256.update(text.getBytes(StandardCharsets.UTF_8));
                sha256.update((byte) 0);
            });
            return "sha256:" + HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    public byte[] toJson() {
        try {
            return MAPPER.writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot serialise bundle " + key(), e);
        }
    }

    public static BundleRelease fromJson(byte[] json) {
        try {
            return MAPPER.readValue(json, BundleRelease.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Malformed bundle release", e);
        }
    }
}
