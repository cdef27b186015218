package dev.confab.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** A real PostgreSQL server from zonky's embedded binaries, keeping its data between runs. */
final class LocalPostgres implements AutoCloseable {

    /** One database per service that keeps state (architecture §4). */
    static final List<String> DATABASES = List.of("confab_dialog", "confab_retrieval");

    /**
     * The ordinary role the services connect as and that owns their databases: a superuser would bypass the
     * row-level security that keeps tenants apart.
     */
    static final String SERVICE_ROLE = "confab";

    private final EmbeddedPostgres postgres;

    private LocalPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static LocalPostgres start(LocalSettings settings) {
        Path data = settings.workDir().resolve("postgres");
        try {
            Files.createDirectories(settings.logDir());
            Path log = settings.logDir().resolve("postgres.log");
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setPort(settings.postgresPort())
                    .setDataDirectory(data)
                    // Keep the data: initdb runs only when the directory holds no cluster yet.
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            LocalPostgres local = new LocalPostgres(postgres);
            local.createMissingDatabases();
            return local;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start PostgreSQL in " + data, e);
        }
    }

    private void createMissingDatabases() {
        try (Connection db = postgres.getPostgresDatabase().getConnection();
             PreparedStatement exists = db.prepareStatement("select 1 from pg_database where datname = ?");
             Statement create = db.createStatement()) {
            create.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + SERVICE_ROLE
                    + "') then create role " + SERVICE_ROLE + " login; end if; end $$");
            for (String name : DATABASES) {
                exists.setString(1, name);
                try (ResultSet row = exists.executeQuery()) {
                    if (!row.next()) {
                        create.execute("create database " + name + " owner " + SERVICE_ROLE);
                    } else {
                        handToServiceRole(name);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the service databases", e);
        }
    }

    /**
     * A work directory from before the services had their own role keeps its data: the database and its tables pass
     * to the service role, so Liquibase can migrate them and row-level security applies.
     */
    private void handToServiceRole(String database) throws SQLException {
        try (Connection db = postgres.getDatabase("postgres", database).getConnection();
             Statement alter = db.createStatement()) {
            alter.execute("alter database " + database + " owner to " + SERVICE_ROLE);
            alter.execute("do $$ declare owned record; begin for owned in select format('alter table %I owner to "
                    + SERVICE_ROLE + "', tablename) as statement from pg_tables where schemaname = 'public' "
                    + "and tableowner <> '" + SERVICE_ROLE + "' loop execute owned.statement; end loop; end $$");
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stop PostgreSQL", e);
        }
    }
}
