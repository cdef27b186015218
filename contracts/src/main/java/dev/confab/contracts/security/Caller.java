package dev.confab.contracts.security;

import java.util.Set;

/**
 * Who a request acts for: an API key's tenant and roles.
 *
 * @param keyId the key's public id, or {@code null} for the anonymous tenant of a local run
 * @param tenant the tenant, or {@link #PLATFORM} for a platform key
 */
public record Caller(String keyId, String tenant, Set<String> roles) {

    /** The tenant of a platform key: it acts for whichever tenant a request names. */
    public static final String PLATFORM = "*";

    public Caller {
        roles = Set.copyOf(roles);
    }

    /** Whether this caller may act for the given tenant. */
    public boolean actsFor(String tenant) {
        return PLATFORM.equals(this.tenant) || this.tenant.equals(tenant);
    }

    public boolean isPlatform() {
        return PLATFORM.equals(tenant);
    }
}
