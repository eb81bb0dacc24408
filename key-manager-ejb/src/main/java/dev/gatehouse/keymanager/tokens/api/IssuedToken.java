package dev.gatehouse.keymanager.tokens.api;

import java.time.Instant;

public record IssuedToken(String accessToken, String tokenType, long expiresIn, String scope, String jti,
        Instant expiresAt) {

    @Override
    public String toString() {
        return "IssuedToken[jti=" + jti + ", scope=" + scope + ", expiresAt=" + expiresAt + "]";
    }
}
