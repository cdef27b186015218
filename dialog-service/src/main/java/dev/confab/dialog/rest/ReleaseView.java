package dev.confab.dialog.rest;

import dev.confab.contracts.bundle.BundleRelease;

/** What was released: the assistant, its version and the digest every service checks the files against. */
public record ReleaseView(String tenantId, String assistantId, String version, String digest) {

    static ReleaseView of(BundleRelease release) {
        return new ReleaseView(release.tenantId(), release.assistantId(), release.version(), release.digest());
    }
}
