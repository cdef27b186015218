package dev.confab.contracts.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.Set;

/**
 * Reads the API key of an HTTP request ({@code Authorization: Bearer <key>} or {@code X-API-Key}) for every
 * Confab service. Without one, the request is anonymous (and any endpoint that names roles refuses it with 401),
 * unless a local run names an anonymous tenant, whose requests act as a {@code client} of that tenant.
 */
@ApplicationScoped
public class ApiKeyMechanism implements HttpAuthenticationMechanism {

    private static final String BEARER = "Bearer ";
    private static final Set<Class<? extends AuthenticationRequest>> TYPES = Set.of(ApiKeyRequest.class);

    private final AuthConfig config;

    public ApiKeyMechanism(AuthConfig config) {
        this.config = config;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String authorization = context.request().getHeader("Authorization");
        if (authorization != null && !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            // Credentials this API does not read are refused, not ignored: the caller believes it is someone.
            return Uni.createFrom().failure(new AuthenticationFailedException(
                    "Only 'Authorization: Bearer <key>' is understood"));
        }
        String key = authorization != null
                ? authorization.substring(BEARER.length()).strip()
                : context.request().getHeader("X-API-Key");
        if (key != null) {
            return identities.authenticate(new ApiKeyRequest(key.strip()));
        }
        return config.anonymousTenant()
                .filter(tenant -> !tenant.isBlank())
                .map(tenant -> Uni.createFrom().item(
                        ApiKeyIdentityProvider.identityOf(new Caller(null, tenant, Set.of(Roles.CLIENT)))))
                .orElseGet(() -> Uni.createFrom().optional(Optional.empty()));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return TYPES;
    }
}
