package dev.confab.contracts.security;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/** The caller of the request being served, for resources that act for a tenant. */
@RequestScoped
public class CurrentCaller {

    private final SecurityIdentity identity;

    public CurrentCaller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Caller get() {
        Caller caller = identity.getAttribute(ApiKeyIdentityProvider.CALLER);
        if (caller == null) {
            throw new UnauthorizedException();
        }
        return caller;
    }

    /** The tenant of a tenant's key; a platform key cannot act where the request does not name a tenant. */
    public String tenant() {
        Caller caller = get();
        if (caller.isPlatform()) {
            throw new ForbiddenException("A platform key acts only for a tenant the request names; use a tenant's key");
        }
        return caller.tenant();
    }

    /** The tenant a request named (a tenant's key may leave it out), if the caller may act for it. */
    public String tenant(String named) {
        if (named == null || named.isEmpty()) {
            return tenant();
        }
        if (!get().actsFor(named)) {
            throw new ForbiddenException("This API key may not act for tenant '" + named + "'");
        }
        return named;
    }

    /** As {@link #tenant(String)}, but a platform key naming no tenant acts for the given one. */
    public String tenant(String named, String platformDefault) {
        return (named == null || named.isEmpty()) && get().isPlatform() ? platformDefault : tenant(named);
    }
}
