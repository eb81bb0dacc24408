package dev.gatehouse.keymanager.tokens.api;

import dev.gatehouse.keymanager.clients.api.Environment;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The claim rules of a Gatehouse access token, shared by the key manager's own verification and the gateway's
 * checks after MicroProfile JWT (as {@link AccessTokenHeader} is for the header): the claims it must carry, its
 * times with {@link #CLOCK_SKEW}, and their meaning as {@link TokenClaims}. Whoever calls it has verified the
 * signature; the claims come as the token's raw values, however the caller parsed them.
 */
public final class AccessTokenClaims {

    /** How far apart the clocks of the issuer and a verifier may be. */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    private AccessTokenClaims() {
    }

    /**
     * The token's claims as it carries them; null where it lacks one. {@code audience} is the audience this
     * verifier accepted it for; {@code kid} comes from the header.
     */
    public record Raw(String issuer, String audience, String subject, String jti, Instant issuedAt,
            Instant notBefore, Instant expiresAt, String clientId, String applicationId, String environment,
            String scope, String secretId, String kid) {
    }

    /**
     * The verdict on the claims, in this order: every required claim present, then {@code origin} (the issuer and
     * audience, where the caller checks them here), then the times at {@code now}, then the claims' values.
     */
    public static TokenCheck check(Raw raw, Function<Raw, Optional<TokenCheck>> origin, Instant now) {
        if (raw.expiresAt() == null || raw.issuedAt() == null || raw.jti() == null || raw.subject() == null
                || raw.clientId() == null || raw.applicationId() == null || raw.environment() == null) {
            return TokenCheck.refused("token_claims_missing", "The token lacks a claim an access token must have"
                    + " (exp, iat, jti, sub, client_id, application_id, environment).");
        }
        Optional<TokenCheck> refused = origin.apply(raw);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (!raw.expiresAt().plus(CLOCK_SKEW).isAfter(now)) {
            return TokenCheck.refused("token_expired", "The token has expired.");
        }
        if (raw.issuedAt().minus(CLOCK_SKEW).isAfter(now)
                || raw.notBefore() != null && raw.notBefore().minus(CLOCK_SKEW).isAfter(now)) {
            return TokenCheck.refused("token_not_yet_valid", "The token is not valid yet.");
        }
        try {
            return TokenCheck.accepted(new TokenClaims(raw.issuer(), raw.subject(), raw.audience(), raw.clientId(),
                    UUID.fromString(raw.applicationId()), Environment.valueOf(raw.environment()),
                    raw.secretId() == null ? null : UUID.fromString(raw.secretId()), scopes(raw.scope()), raw.jti(),
                    raw.issuedAt(), raw.expiresAt(), raw.kid()));
        } catch (IllegalArgumentException e) {
            return TokenCheck.refused("token_claims_invalid", "The token's application_id, environment or secret_id"
                    + " is not valid.");
        }
    }

    /** The {@code scope} claim: space-separated (RFC 9068 §2.2.3), empty when absent or blank. */
    public static Set<String> scopes(String scope) {
        return scope == null || scope.isBlank() ? Set.of()
                : Arrays.stream(scope.strip().split(" +")).collect(Collectors.toUnmodifiableSet());
    }
}
