package dev.confab.gateway.security;

import jakarta.enterprise.context.RequestScoped;

/** The caller of the request being served, set by {@link ApiKeyFilter} before any resource runs. */
@RequestScoped
public class CurrentCaller {

    private Caller caller;

    void set(Caller caller) {
        this.caller = caller;
    }

    public Caller get() {
        if (caller == null) {
            throw new IllegalStateException("No caller: the request did not pass the API key filter");
        }
        return caller;
    }

    public String tenant() {
        return get().tenant();
    }
}
