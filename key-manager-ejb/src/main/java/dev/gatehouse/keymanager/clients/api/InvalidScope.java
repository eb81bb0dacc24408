package dev.gatehouse.keymanager.clients.api;

import dev.gatehouse.keymanager.api.BusinessException;
import java.util.Set;

/** Scopes asked for that the application's subscriptions do not allow. */
public class InvalidScope extends BusinessException {
    public InvalidScope(Set<String> refused) {
        this("Scope(s) not allowed for this application: " + String.join(" ", refused));
    }

    private InvalidScope(String message) {
        super(Kind.INVALID, "invalid_scope", message);
    }

    /** A scope parameter that is not a list of RFC 6749 §3.3 scope tokens. */
    public static InvalidScope malformed() {
        return new InvalidScope("Malformed scope.");
    }
}
