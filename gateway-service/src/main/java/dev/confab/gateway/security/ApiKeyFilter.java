package dev.confab.gateway.security;

import dev.confab.contracts.rest.ProblemMapper;
import dev.confab.gateway.config.GatewayConfig;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.time.Duration;
import java.util.Optional;

/**
 * Every {@code /v1} request acts for the tenant of its API key ({@code Authorization: Bearer <key>} or
 * {@code X-API-Key}): no key or a wrong one gets 401, a key over its rate gets 429 with {@code Retry-After}. A local
 * run may name an anonymous tenant for requests without a key.
 */
public class ApiKeyFilter {

    private static final String BEARER = "Bearer ";

    private final ApiKeys keys;
    private final RateLimiter limits;
    private final GatewayConfig config;
    private final CurrentCaller current;

    public ApiKeyFilter(ApiKeys keys, RateLimiter limits, GatewayConfig config, CurrentCaller current) {
        this.keys = keys;
        this.limits = limits;
        this.config = config;
        this.current = current;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Optional<Response> authenticate(ContainerRequestContext request) {
        UriInfo uri = request.getUriInfo();
        if (!uri.getPath().startsWith("/v1/")) {
            return Optional.empty();
        }
        Optional<String> presented = presentedKey(request);
        if (presented.isEmpty() && config.anonymousTenant().isPresent()) {
            current.set(new Caller(config.anonymousTenant().get(), null));
            return Optional.empty();
        }
        Optional<Caller> caller = presented.flatMap(keys::resolve);
        if (caller.isEmpty()) {
            return Optional.of(unauthorized(presented.isEmpty()
                    ? "An API key is required: send 'Authorization: Bearer <key>'"
                    : "The API key is not valid", uri));
        }
        GatewayConfig.ApiKey key = config.apiKeys().get(caller.get().keyId());
        Optional<Duration> wait = limits.admit(caller.get().keyId(), key.requestsPerSecond(), key.burst());
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            return Optional.of(Response.fromResponse(ProblemMapper.problem(Response.Status.TOO_MANY_REQUESTS,
                            "This API key is over its rate of " + key.requestsPerSecond() + " requests per second",
                            uri))
                    .header(HttpHeaders.RETRY_AFTER, seconds)
                    .build());
        }
        current.set(caller.get());
        return Optional.empty();
    }

    private static Optional<String> presentedKey(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.startsWith(BEARER)) {
            return Optional.of(authorization.substring(BEARER.length()).strip());
        }
        return Optional.ofNullable(request.getHeaderString("X-API-Key")).map(String::strip);
    }

    private static Response unauthorized(String detail, UriInfo uri) {
        return Response.fromResponse(ProblemMapper.problem(Response.Status.UNAUTHORIZED, detail, uri))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }
}
