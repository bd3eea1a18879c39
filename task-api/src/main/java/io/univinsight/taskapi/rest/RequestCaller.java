package io.univinsight.taskapi.rest;

import jakarta.enterprise.context.RequestScoped;

/**
 * Who sent the request being served, as {@link ApiAccessFilter} established it: the scope its
 * Idempotency-Keys live in. A key's fingerprint, never the key, so nothing stored can be sent back
 * as a key.
 */
@RequestScoped
public class RequestCaller {
    /** Every caller of an open-mode deployment: nobody is told apart there. */
    static final String OPEN = "open";

    private String scope;

    void identify(String scope) {
        this.scope = scope;
    }

    /** @throws IllegalStateException when no filter identified the caller (never shares another's scope by default) */
    public String scope() {
        if (scope == null) {
            throw new IllegalStateException("the caller of this request was not identified (ApiAccessFilter did not run)");
        }
        return scope;
    }
}
