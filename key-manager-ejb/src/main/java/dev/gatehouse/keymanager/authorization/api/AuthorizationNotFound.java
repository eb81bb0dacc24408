package dev.gatehouse.keymanager.authorization.api;

import dev.gatehouse.keymanager.api.BusinessException;

/** No authorization request waits under this id: unknown, expired, already decided, or another person's. */
public class AuthorizationNotFound extends BusinessException {

    public AuthorizationNotFound() {
        super(Kind.NOT_FOUND, "authorization_not_found", "This sign-in request has expired or was already answered."
                + " Go back to the application and start again.");
    }
}
