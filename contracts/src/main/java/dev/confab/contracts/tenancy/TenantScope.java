package dev.confab.contracts.tenancy;

import dev.confab.contracts.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import java.util.function.Supplier;

/**
 * Names the tenant whose rows the current database transaction may read and write: PostgreSQL's row-level security
 * policy on every tenant-owned table compares the row's tenant with this setting (docs/security.md).
 */
public final class TenantScope {

    /** The transaction-local PostgreSQL setting the policies read. */
    public static final String SETTING = "confab.tenant";

    private TenantScope() {
    }

    /**
     * Limits the rest of the current transaction to one tenant's rows, or to every tenant's with
     * {@link Caller#PLATFORM} (relays, sweeps, platform keys). A transaction that never enters a scope sees no
     * tenant's rows at all, so a forgotten call fails closed.
     */
    public static Uni<Void> enter(String tenant) {
        return Panache.getSession()
                .chain(session -> session
                        .createNativeQuery("select set_config('" + SETTING + "', :tenant, true)")
                        .setParameter("tenant", tenant)
                        .getSingleResult())
                .replaceWithVoid();
    }

    /** Runs work in a transaction of its own that sees only one tenant's rows ({@link #enter}). */
    public static <T> Uni<T> inTransaction(String tenant, Supplier<Uni<? extends T>> work) {
        return Panache.withTransaction(() -> enter(tenant)
                .chain(work));
    }
}
