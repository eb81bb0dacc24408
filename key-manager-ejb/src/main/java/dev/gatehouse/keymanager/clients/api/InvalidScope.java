package dev.gatehouse.keymanager.clients.api;

import dev.gatehouse.keymanager.api.BusinessException;
import java.util.Set;

/** Scopes asked for that the application's subscriptions do not allow. */
public class InvalidScope extends BusinessException {
    public InvalidScope(Set<String> refused) {
        super(Kind.INVALID, "invalid_scope", "Scope(s) not allowed for this application: " + String.join(" ", refused));
    }
}
