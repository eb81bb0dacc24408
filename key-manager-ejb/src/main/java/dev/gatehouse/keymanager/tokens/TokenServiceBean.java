package dev.gatehouse.keymanager.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.gatehouse.keymanager.applications.api.ApplicationService;
import dev.gatehouse.keymanager.applications.api.ApplicationStatus;
import dev.gatehouse.keymanager.audit.AuditLog;
import dev.gatehouse.keymanager.signingkeys.KeyRing;
import dev.gatehouse.keymanager.revocations.api.RevocationService;
import dev.gatehouse.keymanager.tokens.api.IdTokenRequest;
import dev.gatehouse.keymanager.tokens.api.Introspection;
import dev.gatehouse.keymanager.tokens.api.IssuedToken;
import dev.gatehouse.keymanager.tokens.api.AccessTokenClaims;
import dev.gatehouse.keymanager.tokens.api.AccessTokenHeader;
import dev.gatehouse.keymanager.tokens.api.TokenCheck;
import dev.gatehouse.keymanager.tokens.api.TokenClaims;
import dev.gatehouse.keymanager.tokens.api.TokenRequest;
import dev.gatehouse.keymanager.tokens.api.TokenService;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Issues and verifies access tokens: JWTs in the RFC 9068 profile.
 *
 * <p>The header's typ is {@code at+jwt}, as RFC 9068 §2.1 requires: explicit typing (RFC 8725 §3.11) keeps any other
 * JWT signed with these keys from passing as an access token, and RFC 9068 resource servers reject anything else.
 * The gateway checks {@code at+jwt} as {@link #verify} does (the same {@code AccessTokenHeader} rules); the servers'
 * own MicroProfile JWT implementations would not (Payara accepts only typ {@code JWT}, smallrye-jwt checks none).
 */
@Stateless
public class TokenServiceBean implements TokenService {

    static final JOSEObjectType ACCESS_TOKEN_TYPE = new JOSEObjectType("at+jwt");
    /** Far beyond any token issued here; larger input is refused before it is parsed. */
    static final int MAX_TOKEN_LENGTH = 8192;

    @EJB
    KeyRing keys;

    @EJB
    RevocationService revocations;

    @EJB
    ApplicationService applications;

    @EJB
    AuditLog audit;

    TokenSettings settings;
    Clock clock = Clock.systemUTC();

    @PostConstruct
    void configure() {
        settings = TokenSettings.from(ConfigProvider.getConfig(TokenServiceBean.class.getClassLoader()));
    }

    /** Touches no database: joins a transaction if there is one, starts none. */
    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public IssuedToken issue(TokenRequest request) {
        // JWT times have whole seconds; expiresAt must be the token's exp exactly
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        long lifetime = Math.min(request.lifetime().toSeconds(), settings.maxLifetime().toSeconds());
        Instant expiresAt = issuedAt.plusSeconds(lifetime);
        String jti = UUID.randomUUID().toString();
        String scope = String.join(" ", new TreeSet<>(request.scopes()));
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(settings.issuer())
                .subject(request.subject() == null ? request.clientId() : request.subject())
                .audience(settings.audience())
                .claim("client_id", request.clientId())
                .issueTime(Date.from(issuedAt))
                .notBeforeTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt))
                .jwtID(jti)
                .claim("application_id", request.applicationId().toString())
                .claim("environment", request.environment().name());
        if (!scope.isEmpty()) {
            claims.claim("scope", scope);
        }
        if (request.secretId() != null) {
            claims.claim("secret_id", request.secretId().toString());
        }
        KeyRing.TokenSigner signer = keys.signer();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(signer.algorithm()).type(ACCESS_TOKEN_TYPE)
                .keyID(signer.kid()).build(), claims.build());
        try {
            jwt.sign(signer.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("GH-TOK-001 Signing a token with key " + signer.kid() + " failed", e);
        }
        return new IssuedToken(jwt.serialize(), IssuedToken.BEARER, lifetime, scope, jti, expiresAt);
    }

    /** Touches no database, as {@link #issue} does not. typ JWT: an ID token never passes as an access token. */
    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public String idToken(IdTokenRequest request) {
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        long lifetime = Math.min(request.lifetime().toSeconds(), settings.maxLifetime().toSeconds());
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(settings.issuer())
                .subject(request.subject())
                .audience(request.clientId())
                .claim("azp", request.clientId())
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plusSeconds(lifetime)))
                .claim("auth_time", request.authTime().getEpochSecond());
        if (request.nonce() != null) {
            claims.claim("nonce", request.nonce());
        }
        if (request.username() != null) {
            claims.claim("preferred_username", request.username()).claim("name", request.name());
        }
        if (request.email() != null) {
            claims.claim("email", request.email());
        }
        KeyRing.TokenSigner signer = keys.signer();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(signer.algorithm()).type(JOSEObjectType.JWT)
                .keyID(signer.kid()).build(), claims.build());
        try {
            jwt.sign(signer.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("GH-TOK-003 Signing an ID token with key " + signer.kid() + " failed", e);
        }
        return jwt.serialize();
    }

    @Override
    public Optional<TokenClaims> verify(String token) {
        return check(token).claims();
    }

    @Override
    public TokenCheck check(String token) {
        TokenCheck check = authentic(token);
        if (check.isAccepted() && revocations.isRevoked(check.claims().get())) {
            return TokenCheck.refused("token_revoked", "The token has been revoked.");
        }
        return check;
    }

    @Override
    public Introspection introspect(String token, String requestingClientId) {
        Optional<TokenClaims> verified = verify(token);
        if (verified.isEmpty()) {
            return Introspection.inactive();
        }
        TokenClaims claims = verified.get();
        if (!claims.clientId().equals(requestingClientId)) {
            // RFC 7662 §4: whether another client's token is live, and what it says, is not this client's business
            audit.denied(requestingClientId, "token.introspect", "token", claims.jti(),
                    "the token belongs to another client");
            return Introspection.inactive();
        }
        // as the gateway decides: a blocked or deleted application's token is refused there
        if (applications.status(claims.applicationId()).filter(ApplicationStatus.ACTIVE::equals).isEmpty()) {
            return Introspection.inactive();
        }
        return Introspection.of(claims);
    }

    @Override
    public void revoke(String token, String requestingClientId) {
        authentic(token).claims().ifPresent(claims -> {
            if (claims.clientId().equals(requestingClientId)) {
                revocations.revokeToken(claims.jti(), claims.clientId(), claims.expiresAt());
            } else {
                audit.denied(requestingClientId, "token.revoke", "token", claims.jti(),
                        "the token belongs to another client");
            }
        });
    }

    /** Everything {@link #check} checks except revocation. */
    TokenCheck authentic(String token) {
        if (token == null || token.isBlank()) {
            return TokenCheck.refused("token_missing", "No token was presented.");
        }
        if (token.length() > MAX_TOKEN_LENGTH) {
            return TokenCheck.refused("token_malformed", "The token is longer than any token issued here.");
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token.strip());
            JWSHeader header = jwt.getHeader();
            Optional<TokenCheck> refusal = AccessTokenHeader.refusal(header);
            if (refusal.isPresent()) {
                return refusal.get();
            }
            Optional<KeyRing.TokenVerifier> key = keys.verifier(header.getKeyID());
            if (key.isEmpty()) {
                return TokenCheck.refused("token_key_unknown", "The token is signed with a key this issuer does not use.");
            }
            if (!key.get().algorithm().equals(header.getAlgorithm()) || !jwt.verify(key.get().verifier())) {
                return TokenCheck.refused("token_signature_invalid", "The token's signature is not valid.");
            }
            return claims(jwt.getJWTClaimsSet(), header.getKeyID());
        } catch (ParseException | JOSEException | RuntimeException malformed) {
            // garbage is an answer, not a failure: the caller says 401
            return TokenCheck.refused("token_malformed", "The token is not a signed JWT.");
        }
    }

    private TokenCheck claims(JWTClaimsSet claims, String kid) throws ParseException {
        return AccessTokenClaims.check(new AccessTokenClaims.Raw(claims.getIssuer(), settings.audience(),
                claims.getSubject(), claims.getJWTID(), instant(claims.getIssueTime()),
                instant(claims.getNotBeforeTime()), instant(claims.getExpirationTime()),
                claims.getStringClaim("client_id"), claims.getStringClaim("application_id"),
                claims.getStringClaim("environment"), claims.getStringClaim("scope"),
                claims.getStringClaim("secret_id"), kid), raw -> origin(claims), clock.instant());
    }

    private Optional<TokenCheck> origin(JWTClaimsSet claims) {
        if (!settings.issuer().equals(claims.getIssuer())) {
            return Optional.of(TokenCheck.refused("token_issuer_invalid", "The token is not from this issuer."));
        }
        List<String> audience = claims.getAudience();
        if (audience == null || !audience.contains(settings.audience())) {
            return Optional.of(TokenCheck.refused("token_audience_invalid",
                    "The token is not meant for this audience."));
        }
        return Optional.empty();
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
