package dev.confab.contracts.security;

import dev.confab.contracts.rest.ProblemMapper;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Optional;
import java.util.stream.Stream;

/**
 * Refuses (403) a request whose path or query names a tenant the caller's key may not act for, before any resource
 * runs: one place, so an endpoint added tomorrow with {@code {tenantId}} in its path is guarded without a line of its
 * own.
 */
public class TenantGuard {

    private static final String[] NAMES = {"tenantId", "tenant"};

    private final CurrentIdentityAssociation identities;

    public TenantGuard(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    @ServerRequestFilter
    public Uni<Response> guard(UriInfo uri) {
        String named = namedTenant(uri).orElse(null);
        if (named == null) {
            return Uni.createFrom().nullItem();
        }
        return identities.getDeferredIdentity()
                .map(identity -> refusal(identity, named, uri));
    }

    private static Response refusal(SecurityIdentity identity, String named, UriInfo uri) {
        Caller caller = identity.getAttribute(ApiKeyIdentityProvider.CALLER);
        // An anonymous request goes on to the endpoint's role check, which answers it with 401.
        if (caller == null || caller.actsFor(named)) {
            return null;
        }
        return ProblemMapper.problem(Response.Status.FORBIDDEN,
                "This API key may not act for tenant '" + named + "'", uri);
    }

    /** The tenant a request names in its path ({@code tenantId}, {@code tenant}) or, failing that, its query. */
    static Optional<String> namedTenant(UriInfo uri) {
        return named(uri.getPathParameters()).or(() -> named(uri.getQueryParameters()));
    }

    private static Optional<String> named(MultivaluedMap<String, String> parameters) {
        return Stream.of(NAMES)
                .map(parameters::getFirst)
                .filter(value -> value != null && !value.isEmpty())
                .findFirst();
    }
}
