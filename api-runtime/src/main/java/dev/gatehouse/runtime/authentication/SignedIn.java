package dev.gatehouse.runtime.authentication;

import dev.gatehouse.keymanager.accounts.api.Caller;
import jakarta.enterprise.context.RequestScoped;

/** The account the current request was authenticated as. */
@RequestScoped
public class SignedIn {

    private Caller caller;

    void set(Caller caller) {
        this.caller = caller;
    }

    public Caller caller() {
        if (caller == null) {
            throw new IllegalStateException("not a @AccountRequired resource");
        }
        return caller;
    }
}
