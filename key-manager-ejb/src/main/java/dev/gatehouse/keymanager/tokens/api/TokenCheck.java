package dev.gatehouse.keymanager.tokens.api;

import java.util.Objects;
import java.util.Optional;

/**
 * The verdict on a presented access token: its claims, or why it is refused. {@code reason} is a stable code
 * ({@code token_expired}, {@code token_revoked}, {@code token_signature_invalid}...) and {@code description} says
 * the same to a developer; neither repeats the token.
 */
public record TokenCheck(Optional<TokenClaims> claims, String reason, String description) {

    public TokenCheck {
        Objects.requireNonNull(claims, "claims");
    }

    public static TokenCheck accepted(TokenClaims claims) {
        return new TokenCheck(Optional.of(claims), null, null);
    }

    public static TokenCheck refused(String reason, String description) {
        return new TokenCheck(Optional.empty(), reason, description);
    }

    public boolean isAccepted() {
        return claims.isPresent();
    }
}
