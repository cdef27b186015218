package dev.confab.gateway.security;

import dev.confab.contracts.rest.ProblemMapper;
import dev.confab.contracts.security.ApiKeyIdentityProvider;
import dev.confab.contracts.security.AuthConfig;
import dev.confab.contracts.security.Caller;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.time.Duration;
import java.util.Optional;

/** Holds each API key to its rate on this replica: a key over it gets 429 with {@code Retry-After}. */
public class RateLimitFilter {

    private final CurrentIdentityAssociation identities;
    private final RateLimiter limits;
    private final AuthConfig config;

    public RateLimitFilter(CurrentIdentityAssociation identities, RateLimiter limits, AuthConfig config) {
        this.identities = identities;
        this.limits = limits;
        this.config = config;
    }

    @ServerRequestFilter
    public Uni<Response> admit(UriInfo uri) {
        return identities.getDeferredIdentity()
                .map(identity -> overRate(identity.getAttribute(ApiKeyIdentityProvider.CALLER), uri));
    }

    private Response overRate(Caller caller, UriInfo uri) {
        // Anonymous requests (refused by the endpoint, or a local run's anonymous tenant) have no key to count.
        if (caller == null || caller.keyId() == null) {
            return null;
        }
        AuthConfig.ApiKey key = config.apiKeys().get(caller.keyId());
        Optional<Duration> wait = limits.admit(caller.keyId(), key.requestsPerSecond(), key.burst());
        if (wait.isEmpty()) {
            return null;
        }
        long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
        return Response.fromResponse(ProblemMapper.problem(Response.Status.TOO_MANY_REQUESTS,
                        "This API key is over its rate of " + key.requestsPerSecond() + " requests per second", uri))
                .header(HttpHeaders.RETRY_AFTER, seconds)
                .build();
    }
}
