package dev.gatehouse.keymanager.tokens.api;

import jakarta.ejb.Local;
import java.util.Optional;

@Local
public interface TokenService {

    /** A signed JWT access token in the RFC 9068 profile. */
    IssuedToken issue(TokenRequest request);

    /**
     * The claims, if the token is a well-formed Gatehouse access token with a valid signature by a published key,
     * the right issuer and type, within its lifetime and not revoked. Never throws on bad input.
     */
    Optional<TokenClaims> verify(String token);

    Introspection introspect(String token);

    /** RFC 7009: a client revokes only its own tokens; anything else is ignored. */
    void revoke(String token, String requestingClientId);
}
