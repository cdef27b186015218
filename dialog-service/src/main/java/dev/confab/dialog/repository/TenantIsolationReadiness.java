package dev.confab.dialog.repository;

import dev.confab.contracts.tenancy.TenantIsolationCheck;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while the database role could read every tenant's rows (see {@link TenantIsolationCheck}). */
@Readiness
@ApplicationScoped
public class TenantIsolationReadiness extends TenantIsolationCheck {
}
