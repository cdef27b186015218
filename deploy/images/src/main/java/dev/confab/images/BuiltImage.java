package dev.confab.images;

import java.nio.file.Path;

/**
 * An image written to an archive: what to push it as and the digest the registry will know it by.
 *
 * @param service    the service it runs, e.g. {@code gateway-service}
 * @param repository where it is pushed, e.g. {@code ghcr.io/confab-dev/gateway-service}
 * @param tag        its tag
 * @param digest     its manifest's digest ({@code sha256:…}), unchanged by a push that copies the manifest as it is
 * @param archive    the OCI archive
 */
record BuiltImage(String service, String repository, String tag, String digest, Path archive) {
}
