package dev.confab.images;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * What every service image is built from and named after: the base image, where the images are pushed to, and the
 * provenance written into their OCI labels.
 *
 * @param base     the base image: {@code tar://FILE} (an image archive), {@code docker://NAME} or a registry reference
 * @param registry the repository prefix of every image, e.g. {@code ghcr.io/confab-dev}
 * @param tag      every image's tag
 * @param source   the repository the images are built from (org.opencontainers.image.source)
 * @param version  the release (org.opencontainers.image.version)
 * @param revision the commit (org.opencontainers.image.revision)
 * @param output   the directory the archives are written to
 */
public record ImageSettings(String base, String registry, String tag, String source, String version, String revision,
                            Path output) {

    private static final String TAR = "tar://";
    private static final String DOCKER = "docker://";

    /** The labels every image carries, as the OCI image spec names them. */
    public Map<String, String> labels(String service) {
        Map<String, String> labels = new TreeMap<>(Map.of(
                "org.opencontainers.image.title", service,
                "org.opencontainers.image.source", source,
                "org.opencontainers.image.url", source,
                "org.opencontainers.image.version", version,
                "org.opencontainers.image.revision", revision,
                "org.opencontainers.image.vendor", "Confab"));
        // A file or a local daemon's image is no name anyone else can pull (the base's own labels describe it).
        if (!base.startsWith(TAR) && !base.startsWith(DOCKER)) {
            labels.put("org.opencontainers.image.base.name", base.replaceFirst("^registry://", ""));
        }
        return labels;
    }

    /** Where the service's image is pushed: {@code registry/service}. */
    public String repository(String service) {
        return registry + "/" + service;
    }

    /** The image's full name: {@code registry/service:tag}. */
    public String reference(String service) {
        return repository(service) + ":" + tag;
    }
}
