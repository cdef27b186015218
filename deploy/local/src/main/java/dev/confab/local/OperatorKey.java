package dev.confab.local;

import dev.confab.contracts.security.ApiKeys;
import dev.confab.contracts.security.Roles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * The local run's one API key with every role, for the sample tenant: made afresh on each start, given to every
 * service as configuration (its hash only), and written to a file only its owner can read, where the pages' links,
 * {@code bin/} commands and the tests find it.
 */
record OperatorKey(String key, String keyId, String sha256, Path file) {

    static OperatorKey create(LocalSettings settings) {
        ApiKeys.NewKey made = ApiKeys.generate();
        Path file = settings.workDir().resolve("operator.key");
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, made.key() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new OperatorKey(made.key(), made.keyId(), made.sha256(), file);
    }

    /** The configuration every service needs to accept the key. */
    List<String> serviceSettings() {
        String prefix = "-Dconfab.auth.api-keys." + keyId + ".";
        return List.of(prefix + "tenant=" + LocalSuite.SAMPLE_TENANT, prefix + "sha256=" + sha256,
                prefix + "roles=" + String.join(",", Roles.ALL));
    }
}
