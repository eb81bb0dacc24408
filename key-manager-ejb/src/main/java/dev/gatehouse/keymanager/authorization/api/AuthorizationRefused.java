package dev.gatehouse.keymanager.authorization.api;

import dev.gatehouse.keymanager.api.BusinessException;
import java.net.URI;
import java.util.Optional;

/**
 * An authorization request refused, with its RFC 6749 §4.1.2.1 error code as {@link #reason()}. When the client
 * and its redirect URI are known good, {@link #redirect()} is where to send the person with the error (state and
 * iss included); otherwise the person must be told on a page and never redirected.
 */
public class AuthorizationRefused extends BusinessException {

    private final URI redirect;

    public AuthorizationRefused(String error, String description, URI redirect) {
        super(Kind.INVALID, error, description);
        this.redirect = redirect;
    }

    public Optional<URI> redirect() {
        return Optional.ofNullable(redirect);
    }
}
