package dev.confab.dialog.service;

import java.time.Instant;
import java.util.List;

/** A released bundle dialog refused to serve, and every reason, as {@code file:line:column: message}. */
public record BundleRejection(String version, String digest, Instant rejectedAt, List<String> problems) {

    public BundleRejection {
        problems = List.copyOf(problems);
    }
}
