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
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.text.ParseException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller's access token, as MicroProfile JWT verified it (signature by kid against the JWKS, iss, aud, exp with
 * skew, RS256/ES256 only), plus the checks MicroProfile JWT does not make: the RFC 9068 {@code at+jwt} type, no
 * keys or critical parameters in the header, the claims Gatehouse tokens must carry, and iat and nbf not in the
 * future (Payara's MicroProfile JWT serves a token issued an hour from now). A token that
 * MicroProfile JWT refused never gets here: the container answers 401 and {@link TokenRefusedServlet} explains it.
 *
 * <p>A token that passed is kept in {@link VerifiedTokens} until it expires: on Payara, {@link VerifiedTokenStore}
 * then spares MicroProfile JWT the signature check, and here the header parse and claim mapping happen once.
 */
@ApplicationScoped
class TokenGate {

    private static final String BEARER = "Bearer ";

    @EJB
    TokenService tokenService;

    @Inject
    VerifiedTokens verified;

    /**
     * The token's claims, or the refusal: no token, or a token outside the access-token profile. {@code authorization}
     * is the request's Authorization header.
     */
    Verdict verify(SecurityContext security, String authorization, Instant now) {
        Principal principal = security.getUserPrincipal();
        if (!(principal instanceof JsonWebToken jwt) || jwt.getRawToken() == null) {
            return otherBearer(authorization).map(this::verifyHere).orElseGet(() -> new Verdict(null, Refusal.noToken()));
        }
        var known = verified.find(jwt.getRawToken(), now);
        if (known.isPresent()) {
            return new Verdict(known.get().claims(), null);
        }
        TokenCheck check = profile(jwt, now);
        if (!check.isAccepted()) {
            return new Verdict(null, Refusal.invalidToken(check.reason(), check.description()));
        }
        TokenClaims claims = check.claims().get();
        verified.remember(jwt.getRawToken(), new VerifiedTokens.Verified(jwt, claims), now);
        return new Verdict(claims, null);
    }

    record Verdict(TokenClaims claims, Refusal refusal) {
    }

    /**
     * The token of a bearer scheme spelt otherwise than {@code Bearer}: the scheme is case-insensitive (RFC 9110
     * §11.1, RFC 6750 §2.1), but Payara's MicroProfile JWT reads only {@code "Bearer "} and, before any filter of the
     * application runs, passes such a request on unauthenticated.
     */
    static Optional<String> otherBearer(String authorization) {
        if (authorization == null || authorization.length() <= BEARER.length() || authorization.startsWith(BEARER)
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String token = authorization.substring(BEARER.length()).strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    /**
     * The key manager verifies the token as MicroProfile JWT and this class would (signature, issuer, audience, times,
     * header, claims, revocation). Nothing is remembered: the container checks no signature on this path.
     */
    private Verdict verifyHere(String token) {
        TokenCheck check = tokenService.check(token);
        return check.isAccepted() ? new Verdict(check.claims().get(), null)
                : new Verdict(null, Refusal.invalidToken(check.reason(), check.description()));
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
        // issuer and audience: MicroProfile JWT checked them against the mp.jwt.verify.* keys
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
