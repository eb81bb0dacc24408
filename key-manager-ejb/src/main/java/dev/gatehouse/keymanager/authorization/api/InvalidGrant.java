package dev.gatehouse.keymanager.authorization.api;

import dev.gatehouse.keymanager.api.BusinessException;

/**
 * RFC 6749 §5.2 invalid_grant: the code or refresh token is unknown, expired, already used, issued to another
 * client or for another redirect URI, or the PKCE verifier does not match.
 */
public class InvalidGrant extends BusinessException {

    public InvalidGrant(String message) {
        super(Kind.INVALID, "invalid_grant", message);
    }
}
