package dev.confab.contracts.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns a presented API key into the identity of its caller: principal the key's id, roles the key's roles. */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyRequest> {

    /** The identity attribute holding the {@link Caller}. */
    public static final String CALLER = "confab.caller";

    private final ApiKeys keys;

    public ApiKeyIdentityProvider(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public Class<ApiKeyRequest> getRequestType() {
        return ApiKeyRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyRequest request, AuthenticationRequestContext context) {
        // A hash and a map lookup: cheap enough for the event loop, so no blocking hand-off.
        return keys.resolve(request.key())
                .map(caller -> Uni.createFrom().item(identityOf(caller)))
                .orElseGet(() -> Uni.createFrom().failure(
                        new AuthenticationFailedException("The API key is not valid")));
    }

    static SecurityIdentity identityOf(Caller caller) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(caller.keyId() == null ? "anonymous" : caller.keyId()))
                .addRoles(caller.roles())
                .addAttribute(CALLER, caller)
                .build();
    }
}
