package dev.gatehouse.runtime.gateway;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import dev.gatehouse.keymanager.tokens.api.AccessTokenClaims;
import dev.gatehouse.keymanager.tokens.api.AccessTokenHeader;
import dev.gatehouse.keymanager.tokens.api.TokenCheck;
import dev.gatehouse.keymanager.tokens.api.TokenClaims;
import dev.gatehouse.keymanager.tokens.api.TokenService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import java.text.ParseException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller's access token: verified by {@link BearerTokens} (MicroProfile JWT's checks: signature by kid against
 * the issuer's JWKS, iss, aud), then here what MicroProfile JWT does not check: the RFC 9068 {@code at+jwt} type, no
 * keys or critical parameters in the header, the claims Gatehouse tokens must carry, exp, and iat and nbf not in the
 * future. A token refused anywhere is refused with the key manager's reason, which verifies tokens the same way; that
 * second verification happens only for refused tokens.
 *
 * <p>A token that passed is kept in {@link VerifiedTokens} until it expires: its signature is checked, its header
 * parsed and its claims mapped once, not on every request.
 */
@ApplicationScoped
class TokenGate {

    private static final String BEARER = "Bearer ";

    @EJB
    TokenService tokenService;

    @Inject
    BearerTokens bearerTokens;

    @Inject
    VerifiedTokens verified;

    /**
     * The token's claims, or the refusal: no token, or a token that is not a valid access token. {@code authorization}
     * is the request's Authorization header.
     */
    Verdict verify(String authorization, Instant now) {
        Optional<String> presented = bearer(authorization);
        if (presented.isEmpty()) {
            return new Verdict(null, Refusal.noToken());
        }
        String token = presented.get();
        Optional<TokenClaims> known = verified.find(token, now);
        if (known.isPresent()) {
            return new Verdict(known.get(), null);
        }
        Optional<TokenCheck> check = bearerTokens.verify(token).map(jwt -> profile(jwt, now));
        if (check.isEmpty()) {
            return new Verdict(null, whyRefused(token));
        }
        if (!check.get().isAccepted()) {
            return new Verdict(null, Refusal.invalidToken(check.get().reason(), check.get().description()));
        }
        TokenClaims claims = check.get().claims().get();
        verified.remember(token, claims, now);
        return new Verdict(claims, null);
    }

    record Verdict(TokenClaims claims, Refusal refusal) {
    }

    /** The token of the bearer scheme, which is case-insensitive (RFC 9110 §11.1, RFC 6750 §2.1). */
    static Optional<String> bearer(String authorization) {
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String token = authorization.substring(BEARER.length()).strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    /** The key manager verifies the token as {@link BearerTokens} would, and says why it is refused. */
    private Refusal whyRefused(String token) {
        TokenCheck check = tokenService.check(token);
        return check.isAccepted()
                // the key manager accepts what the issuer's key set here did not verify: a key published so recently
                // that this server could not fetch it yet, or mp.jwt.verify.* set apart from gatehouse.oauth.*
                ? Refusal.invalidToken("token_refused", "The token was refused; if it is new, its signing key may be"
                        + " too new for this server: retry in a few seconds.")
                : Refusal.invalidToken(check.reason(), check.description());
    }

    private static TokenCheck profile(JsonWebToken jwt, Instant now) {
        String raw = jwt.getRawToken();
        String kid;
        try {
            int dot = raw.indexOf('.');
            JWSHeader header = JWSHeader.parse(new Base64URL(raw.substring(0, Math.max(dot, 0))));
            var refusal = AccessTokenHeader.refusal(header);
            if (refusal.isPresent()) {
                return refusal.get();
            }
            kid = header.getKeyID();
        } catch (ParseException | RuntimeException e) {
            return TokenCheck.refused("token_malformed", "The token's header is not a JWS header.");
        }
        // issuer and audience: BearerTokens checked them against the mp.jwt.verify.* keys
        return AccessTokenClaims.check(new AccessTokenClaims.Raw(jwt.getIssuer(), String.join(" ",
                jwt.getAudience() == null ? Set.of() : jwt.getAudience()), jwt.getSubject(), jwt.getTokenID(),
                seconds(jwt.getIssuedAtTime()), seconds(number(jwt, "nbf")), seconds(jwt.getExpirationTime()),
                text(jwt, "client_id"), text(jwt, "application_id"), text(jwt, "environment"), text(jwt, "scope"),
                text(jwt, "secret_id"), kid), claimed -> Optional.empty(), now);
    }

    /** MicroProfile JWT gives 0 for a time claim that is absent. */
    private static Instant seconds(long epochSeconds) {
        return epochSeconds == 0 ? null : Instant.ofEpochSecond(epochSeconds);
    }

    private static long number(JsonWebToken jwt, String claim) {
        Object value = jwt.getClaim(claim);
        if (value instanceof JsonNumber json) {
            return json.longValue();
        }
        return value instanceof Number number ? number.longValue() : 0;
    }

    /** Implementations return a claim as a JSON value or as a Java string. */
    private static String text(JsonWebToken jwt, String claim) {
        Object value = jwt.getClaim(claim);
        if (value instanceof JsonString json) {
            return json.getString();
        }
        return value instanceof String string ? string : null;
    }
}
