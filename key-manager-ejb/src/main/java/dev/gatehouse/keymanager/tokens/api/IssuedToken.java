package dev.gatehouse.keymanager.tokens.api;

import java.time.Instant;

/**
 * A newly issued access token, with what RFC 6749 §5.1 returns beside it. expiresAt is the token's exp; jti lets
 * the caller record or revoke it without keeping the token. refreshToken and idToken are null unless the grant
 * issues them.
 */
public record IssuedToken(String accessToken, String tokenType, long expiresIn, String scope, String jti,
        Instant expiresAt, String refreshToken, String idToken) {

    public IssuedToken(String accessToken, String tokenType, long expiresIn, String scope, String jti,
            Instant expiresAt) {
        this(accessToken, tokenType, expiresIn, scope, jti, expiresAt, null, null);
    }

    public IssuedToken withRefreshToken(String refreshToken) {
        return new IssuedToken(accessToken, tokenType, expiresIn, scope, jti, expiresAt, refreshToken, idToken);
    }

    public IssuedToken withIdToken(String idToken) {
        return new IssuedToken(accessToken, tokenType, expiresIn, scope, jti, expiresAt, refreshToken, idToken);
    }

    /** RFC 6750 bearer tokens: the only type Gatehouse issues. */
    public static final String BEARER = "Bearer";

    /** Without the token itself, so that it never reaches a log line by accident. */
    @Override
    public String toString() {
        return "IssuedToken[jti=" + jti + ", scope=" + scope + ", expiresAt=" + expiresAt + "]";
    }
}
