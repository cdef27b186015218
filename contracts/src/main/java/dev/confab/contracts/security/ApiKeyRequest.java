package dev.confab.contracts.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** An API key as a request presented it, waiting to be checked by {@link ApiKeyIdentityProvider}. */
public class ApiKeyRequest extends BaseAuthenticationRequest {

    private final String key;

    public ApiKeyRequest(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
