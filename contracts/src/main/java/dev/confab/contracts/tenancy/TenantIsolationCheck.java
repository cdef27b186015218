package dev.confab.contracts.tenancy;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Readiness of a service's tenant isolation, which each service that owns a database extends as its {@code @Readiness} bean: DOWN while the
 * service's database role is a superuser or has BYPASSRLS, because such a role reads every tenant's rows whatever
 * the policies say.
 */
public abstract class TenantIsolationCheck implements AsyncHealthCheck {

    @Override
    public Uni<HealthCheckResponse> call() {
        return Panache.withSession(() -> Panache.getSession()
                        .chain(session -> session
                                .createNativeQuery("select rolsuper or rolbypassrls from pg_roles "
                                        + "where rolname = current_user", Boolean.class)
                                .getSingleResult()))
                .map(bypasses -> HealthCheckResponse.named("tenant-isolation")
                        .status(!bypasses)
                        .withData("row-level-security", bypasses
                                ? "bypassed: the database role is a superuser or has BYPASSRLS; connect as an "
                                + "ordinary role that owns the schema"
                                : "enforced")
                        .build());
    }
}
