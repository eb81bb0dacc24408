package dev.gatehouse.runtime.gateway;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The gateway's MicroProfile JWT authentication, Gatehouse's own rather than the container's: a bearer token's
 * signature is verified against the key set at {@code mp.jwt.verify.publickey.location} ({@link IssuerKeySet}), its
 * {@code iss} against {@code mp.jwt.verify.issuer} and its {@code aud} against {@code mp.jwt.verify.audiences}, and
 * the token is presented as a {@link JsonWebToken}. {@link TokenGate} then checks it against the access-token profile
 * and the times.
 *
 * <p>Why not the container's ({@code @LoginConfig(authMethod = "MP-JWT")}): it makes every request to the runtime,
 * whether it carries a token or not, take the Jakarta Security round trip, about a quarter of a gateway request's
 * CPU in the profiles, and it verifies a token from scratch on every request; here a token is verified once
 * ({@link VerifiedTokens}) and nothing else pays. It works the same on every server, since no server's
 * MicroProfile JWT is involved.
 */
@ApplicationScoped
class BearerTokens {

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.audiences")
    List<String> audiences;

    @Inject
    IssuerKeySet keys;

    /** The token, if the issuer's key signed it for this issuer and one of these audiences; empty otherwise. */
    Optional<JsonWebToken> verify(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            Optional<JWSVerifier> key = keys.verifier(jwt.getHeader().getKeyID(), jwt.getHeader().getAlgorithm());
            if (key.isEmpty() || !jwt.verify(key.get())) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!issuer.equals(claims.getIssuer()) || claims.getAudience() == null
                    || Collections.disjoint(claims.getAudience(), audiences)) {
                return Optional.empty();
            }
            return Optional.of(new SignedJsonWebToken(token, claims));
        } catch (ParseException | JOSEException | RuntimeException refused) {
            // not a signed JWT, or a signature the key cannot check: the caller asks the key manager why
            return Optional.empty();
        }
    }
}
