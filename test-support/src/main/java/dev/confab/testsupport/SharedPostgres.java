package dev.confab.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One real PostgreSQL server per test JVM (zonky's embedded binaries), on a free port, with the database the
 * service under test owns. The service connects as an ordinary role, as in production: a superuser would bypass
 * row-level security and hide a missing tenant scope from every test.
 */
public final class SharedPostgres {

    /** The service's database and the ordinary role that owns it. */
    public static final String DATABASE = "confab";
    public static final String SERVICE_ROLE = "confab";
    public static final String SERVICE_PASSWORD = "confab";

    private static EmbeddedPostgres postgres;

    private SharedPostgres() {
    }

    public static synchronized int port() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
                createServiceDatabase();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the test PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(SharedPostgres::close, "postgres-test-shutdown"));
        }
        return postgres.getPort();
    }

    /** The service database's JDBC URL. */
    public static String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE;
    }

    /** A superuser's connection to the service database, for tests that look beneath the service. */
    public static Connection asSuperuser() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "postgres", "postgres");
    }

    /** A connection as the service's own role, subject to row-level security like the service. */
    public static Connection asService() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), SERVICE_ROLE, SERVICE_PASSWORD);
    }

    private static void createServiceDatabase() {
        try (Connection db = postgres.getPostgresDatabase().getConnection();
             Statement create = db.createStatement()) {
            create.execute("create role " + SERVICE_ROLE + " login password '" + SERVICE_PASSWORD + "'");
            create.execute("create database " + DATABASE + " owner " + SERVICE_ROLE);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the service database", e);
        }
    }

    private static synchronized void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            // The JVM is exiting and the data directory is temporary.
        }
    }
}
