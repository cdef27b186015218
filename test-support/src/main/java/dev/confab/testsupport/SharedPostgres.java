package dev.confab.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;

/** One real PostgreSQL server per test JVM (zonky's embedded binaries), on a free port. */
public final class SharedPostgres {

    private static EmbeddedPostgres postgres;

    private SharedPostgres() {
    }

    public static synchronized int port() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the test PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(SharedPostgres::close, "postgres-test-shutdown"));
        }
        return postgres.getPort();
    }

    private static synchronized void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            // The JVM is exiting and the data directory is temporary.
        }
    }
}
