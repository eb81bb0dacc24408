package dev.gatehouse.keymanager.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.gatehouse.keymanager.clients.api.Environment;
import dev.gatehouse.keymanager.keys.SigningKeysBean;
import dev.gatehouse.keymanager.revocations.api.RevocationService;
import dev.gatehouse.keymanager.tokens.api.Introspection;
import dev.gatehouse.keymanager.tokens.api.IssuedToken;
import dev.gatehouse.keymanager.tokens.api.TokenClaims;
import dev.gatehouse.keymanager.tokens.api.TokenRequest;
import dev.gatehouse.keymanager.tokens.api.TokenService;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Access tokens: JWTs in the RFC 9068 profile, header {@code typ: at+jwt}. Payara's MicroProfile JWT insists on
 * {@code typ: JWT} unless told otherwise ({@code disable.type.verification}); RFC 9068 wins here, the runtime
 * turns Payara's check off and checks {@code at+jwt} itself, so that an ID token or any other JWT signed with
 * the same keys is never taken for an access token.
 */
@Stateless
public class TokenServiceBean implements TokenService {

    public static final JOSEObjectType ACCESS_TOKEN_TYPE = new JOSEObjectType("at+jwt");
    private static final Set<JWSAlgorithm> ALLOWED = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    @EJB
    SigningKeysBean keys;

    @EJB
    RevocationService revocations;

    TokenSettings settings;

    @PostConstruct
    void configure() {
        settings = TokenSettings.fromConfig();
    }

    @Override
    public IssuedToken issue(TokenRequest request) {
        Duration lifetime = request.lifetime().compareTo(settings.maxLifetime()) > 0 ? settings.maxLifetime() : request.lifetime();
        Instant now = Instant.now();
        Instant expires = now.plus(lifetime);
        String jti = UUID.randomUUID().toString();
        String scope = String.join(" ", new TreeSet<>(request.scopes()));
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(settings.issuer())
                .subject(request.clientId())
                .audience(settings.audience())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(expires))
                .jwtID(jti)
                .claim("client_id", request.clientId())
                .claim("scope", scope)
                .claim("application_id", request.applicationId().toString())
                .claim("environment", request.environment().name());
        if (request.secretId() != null) {
            claims.claim("secret_id", request.secretId().toString());
        }
        JWK key = keys.signer();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.parse(key.getAlgorithm().getName()))
                .type(ACCESS_TOKEN_TYPE).keyID(key.getKeyID()).build(), claims.build());
        try {
            jwt.sign(signer(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Signing failed", e);
        }
        return new IssuedToken(jwt.serialize(), "Bearer", lifetime.toSeconds(), scope, jti, expires);
    }

    @Override
    public Optional<TokenClaims> verify(String token) {
        return parseAndCheck(token).filter(claims -> !revocations.isRevoked(claims));
    }

    /** Everything but revocation: signature, header, issuer, audience, times, required claims. */
    Optional<TokenClaims> parseAndCheck(String token) {
        if (token == null || token.length() > 16_384) {
            return Optional.empty();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token.strip());
            JWSHeader header = jwt.getHeader();
            if (!ALLOWED.contains(header.getAlgorithm()) || !ACCESS_TOKEN_TYPE.equals(header.getType())
                    || header.getJWK() != null || header.getJWKURL() != null || header.getX509CertURL() != null
                    || header.getX509CertChain() != null || header.getKeyID() == null) {
                return Optional.empty();
            }
            Optional<JWK> key = keys.verifier(header.getKeyID());
            if (key.isEmpty() || !header.getAlgorithm().getName().equals(key.get().getAlgorithm().getName())
                    || !jwt.verify(verifier(key.get()))) {
                return Optional.empty();
            }
            return claims(jwt.getJWTClaimsSet());
        } catch (ParseException | JOSEException | RuntimeException malformed) {
            return Optional.empty();
        }
    }

    private Optional<TokenClaims> claims(JWTClaimsSet claims) throws ParseException {
        Instant now = Instant.now();
        Date exp = claims.getExpirationTime();
        Date iat = claims.getIssueTime();
        Date nbf = claims.getNotBeforeTime();
        String clientId = claims.getStringClaim("client_id");
        if (exp == null || iat == null || clientId == null || claims.getJWTID() == null
                || !settings.issuer().equals(claims.getIssuer())
                || claims.getAudience() == null || !claims.getAudience().contains(settings.audience())
                || !exp.toInstant().plus(CLOCK_SKEW).isAfter(now)
                || iat.toInstant().minus(CLOCK_SKEW).isAfter(now)
                || nbf != null && nbf.toInstant().minus(CLOCK_SKEW).isAfter(now)) {
            return Optional.empty();
        }
        String scope = claims.getStringClaim("scope");
        String secretId = claims.getStringClaim("secret_id");
        return Optional.of(new TokenClaims(claims.getIssuer(), claims.getSubject(), settings.audience(), clientId,
                UUID.fromString(claims.getStringClaim("application_id")),
                Environment.valueOf(claims.getStringClaim("environment")),
                secretId == null ? null : UUID.fromString(secretId),
                scope == null || scope.isBlank() ? Set.of()
                        : Arrays.stream(scope.split(" ")).collect(Collectors.toUnmodifiableSet()),
                claims.getJWTID(), iat.toInstant(), exp.toInstant()));
    }

    @Override
    public Introspection introspect(String token) {
        return new Introspection(verify(token));
    }

    @Override
    public void revoke(String token, String requestingClientId) {
        parseAndCheck(token)
                .filter(claims -> claims.clientId().equals(requestingClientId))
                .ifPresent(claims -> revocations.revokeToken(claims.jti(), claims.clientId(), claims.expiresAt()));
    }

    private static JWSSigner signer(JWK key) throws JOSEException {
        return key instanceof ECKey ec ? new ECDSASigner(ec) : new RSASSASigner((RSAKey) key);
    }

    private static JWSVerifier verifier(JWK key) throws JOSEException {
        return key instanceof ECKey ec ? new ECDSAVerifier(ec.toECPublicKey()) : new RSASSAVerifier(((RSAKey) key).toRSAPublicKey());
    }
}
