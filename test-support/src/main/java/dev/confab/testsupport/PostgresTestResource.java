package dev.confab.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Points a Quarkus application under test at the JVM's shared real PostgreSQL, for both reactive and JDBC clients, as
 * the ordinary role that owns the service's database.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        String jdbcUrl = SharedPostgres.jdbcUrl();
        return Map.of(
                "quarkus.datasource.reactive.url", jdbcUrl.substring("jdbc:".length()),
                "quarkus.datasource.jdbc.url", jdbcUrl,
                "quarkus.datasource.username", SharedPostgres.SERVICE_ROLE,
                "quarkus.datasource.password", SharedPostgres.SERVICE_PASSWORD);
    }

    @Override
    public void stop() {
        // Shared by every application of this JVM; stopped by a shutdown hook.
    }
}
