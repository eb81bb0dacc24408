package dev.gatehouse.keymanager.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.gatehouse.keymanager.clients.api.Environment;
import dev.gatehouse.keymanager.database.TestDatabase;
import dev.gatehouse.keymanager.database.TestPersistence;
import dev.gatehouse.keymanager.keys.MutableClock;
import dev.gatehouse.keymanager.keys.ScopedEntityManager;
import dev.gatehouse.keymanager.keys.SigningAlgorithm;
import dev.gatehouse.keymanager.keys.SigningKeysTesting;
import dev.gatehouse.keymanager.keys.TokenKeys;
import dev.gatehouse.keymanager.revocations.RecordingAuditLog;
import dev.gatehouse.keymanager.tokens.api.IssuedToken;
import dev.gatehouse.keymanager.tokens.api.TokenClaims;
import dev.gatehouse.keymanager.tokens.api.TokenRequest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Issuing, verifying, rotating and revoking tokens with the real beans on a real database. */
class TokenServiceTest {

    private static final byte[] KEK = new byte[32];
    private static final JOSEObjectType AT_JWT = new JOSEObjectType("at+jwt");
    private static final Duration LIFETIME = Duration.ofMinutes(10);

    static {
        new SecureRandom().nextBytes(KEK);
    }

    private static TokenRequest request(String clientId, UUID secretId) {
        return new TokenRequest(clientId, UUID.randomUUID(), Environment.PRODUCTION, secretId, Set.of("write", "read"),
                LIFETIME);
    }

    private static Node node(TestPersistence persistence, MutableClock clock) {
        return new Node(new ScopedEntityManager(persistence), clock, KEK, SigningAlgorithm.RS256).started();
    }

    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void aTokenVerifiesIndependentlyAgainstThePublishedKeySetAlone(SigningAlgorithm algorithm) throws Exception {
        try (TestPersistence persistence = TestPersistence.on(TestDatabase.H2)) {
            MutableClock clock = MutableClock.startingNow();
            Node node = new Node(new ScopedEntityManager(persistence), clock, KEK, algorithm).started();
            UUID application = UUID.randomUUID();
            UUID secret = UUID.randomUUID();

            IssuedToken token = node.call(t -> t.issue(new TokenRequest("client-a", application, Environment.SANDBOX,
                    secret, Set.of("write", "read"), LIFETIME)));

            JWKSet published = JWKSet.parse(node.jwks());
            var processor = new DefaultJWTProcessor<SecurityContext>();
            processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(AT_JWT));
            processor.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256),
                    new ImmutableJWKSet<>(published)));
            processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(Node.AUDIENCE,
                    new JWTClaimsSet.Builder().issuer(Node.ISSUER).subject("client-a").build(),
                    Set.of("iat", "nbf", "exp", "jti", "client_id", "scope", "application_id", "environment")));
            JWTClaimsSet claims = processor.process(token.accessToken(), null);

            JWSHeader header = SignedJWT.parse(token.accessToken()).getHeader();
            assertEquals(AT_JWT, header.getType());
            assertEquals(algorithm.jws(), header.getAlgorithm());
            assertEquals(published.getKeys().get(0).getKeyID(), header.getKeyID());
            assertEquals("client-a", claims.getStringClaim("client_id"));
            assertEquals("read write", claims.getStringClaim("scope"));
            assertEquals(token.jti(), claims.getJWTID());
            assertEquals(application.toString(), claims.getStringClaim("application_id"));
            assertEquals("SANDBOX", claims.getStringClaim("environment"));
            assertEquals(secret.toString(), claims.getStringClaim("secret_id"));
            assertEquals(clock.instant(), claims.getIssueTime().toInstant());
            assertEquals(claims.getIssueTime(), claims.getNotBeforeTime());
            assertEquals(token.expiresAt(), claims.getExpirationTime().toInstant());
            assertEquals(clock.instant().plus(LIFETIME), token.expiresAt());
            assertEquals(LIFETIME.toSeconds(), token.expiresIn());
            assertEquals("Bearer", token.tokenType());
            assertEquals("read write", token.scope());
            assertFalse(token.toString().contains(token.accessToken()), "the token stays out of log lines");

            TokenClaims verified = node.call(t -> t.verify(token.accessToken())).orElseThrow();
            assertEquals(new TokenClaims(Node.ISSUER, "client-a", Node.AUDIENCE, "client-a", application,
                    Environment.SANDBOX, secret, Set.of("read", "write"), token.jti(), clock.instant(),
                    token.expiresAt()), verified);
        }
    }

    @Test
    void aTokenLivesNoLongerThanTheMaximumAndAnOwnerTokenHasNoSecret() throws Exception {
        try (TestPersistence persistence = TestPersistence.on(TestDatabase.H2)) {
            Node node = node(persistence, MutableClock.startingNow());

            IssuedToken token = node.call(t -> t.issue(new TokenRequest("client-a", UUID.randomUUID(),
                    Environment.PRODUCTION, null, Set.of(), Duration.ofHours(48))));

            assertEquals(Node.MAX_LIFETIME.toSeconds(), token.expiresIn());
            JWTClaimsSet claims = SignedJWT.parse(token.accessToken()).getJWTClaimsSet();
            assertEquals(Node.MAX_LIFETIME, Duration.between(claims.getIssueTime().toInstant(),
                    claims.getExpirationTime().toInstant()));
            assertNull(claims.getClaim("secret_id"));
            assertNull(claims.getClaim("scope"), "no scope was granted");
            TokenClaims verified = node.call(t -> t.verify(token.accessToken())).orElseThrow();
            assertNull(verified.secretId());
            assertEquals(Set.of(), verified.scopes());
        }
    }

    @Test
    void jtiIsUniqueOverTenThousandTokens() {
        try (TestPersistence persistence = TestPersistence.on(TestDatabase.H2)) {
            Node node = node(persistence, MutableClock.startingNow());

            Set<String> seen = node.call(tokens -> {
                Set<String> jtis = new HashSet<>();
                for (int i = 0; i < 10_000; i++) {
                    jtis.add(tokens.issue(request("client-" + (i % 7), null)).jti());
                }
                return jtis;
            });

            assertEquals(10_000, seen.size());
            seen.forEach(UUID::fromString);
        }
    }

    @Test
    void forgedAndMalformedTokensAreRefused() throws Exception {
        try (TestPersistence persistence = TestPersistence.on(TestDatabase.H2)) {
            Node node = node(persistence, MutableClock.startingNow());
            IssuedToken token = node.call(t -> t.issue(request("client-f", null)));
            assertTrue(node.call(t -> t.verify(token.accessToken())).isPresent(), "the genuine token verifies");

            SignedJWT original = SignedJWT.parse(token.accessToken());
            JWTClaimsSet claims = original.getJWTClaimsSet();
            String kid = original.getHeader().getKeyID();
            String[] parts = token.accessToken().split("\\.");
            RSAKey published = JWKSet.parse(node.jwks()).getKeys().get(0).toRSAKey();
            RSAKey stranger = new RSAKeyGenerator(2048).keyID("stranger").generate();
            TokenKeys.TokenSigner ours = node.scope.inTransaction(node.keys::signer);
            Map<String, String> forged = new LinkedHashMap<>();

            JWTClaimsSet otherClient = new JWTClaimsSet.Builder(claims).subject("client-x").claim("client_id", "client-x")
                    .build();
            forged.put("payload changed", parts[0] + "." + Base64URL.encode(otherClient.toString()) + "." + parts[2]);
            forged.put("signature changed", parts[0] + "." + parts[1] + "." + flipped(parts[2]));
            forged.put("signature removed", parts[0] + "." + parts[1] + ".");
            forged.put("alg none", new PlainJWT(new PlainHeader.Builder().type(AT_JWT).build(), claims).serialize());
            forged.put("alg none with kid", Base64URL.encode("{\"alg\":\"none\",\"typ\":\"at+jwt\",\"kid\":\"" + kid + "\"}")
                    + "." + parts[1] + "." + parts[2]);
            String pem = "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder().encodeToString(published.toPublicKey().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
            List<byte[]> publicKeyAsSecret = List.of(published.toPublicKey().getEncoded(),
                    pem.getBytes(StandardCharsets.US_ASCII), published.toJSONString().getBytes(StandardCharsets.UTF_8),
                    node.jwks().getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < publicKeyAsSecret.size(); i++) {
                forged.put("HS256 keyed with the public key #" + i, signed(new JWSHeader.Builder(JWSAlgorithm.HS256)
                        .type(AT_JWT).keyID(kid).build(), claims, new MACSigner(publicKeyAsSecret.get(i))));
            }
            forged.put("unknown kid", signed(header(JWSAlgorithm.RS256, "stranger"), claims, new RSASSASigner(stranger)));
            forged.put("our kid, another key", signed(header(JWSAlgorithm.RS256, kid), claims, new RSASSASigner(stranger)));
            forged.put("our kid, ES256", signed(header(JWSAlgorithm.ES256, kid), claims,
                    new ECDSASigner(new ECKeyGenerator(Curve.P_256).generate())));
            forged.put("its own key in the header", signed(new JWSHeader.Builder(JWSAlgorithm.RS256).type(AT_JWT)
                    .keyID(kid).jwk(stranger.toPublicJWK()).build(), claims, new RSASSASigner(stranger)));
            forged.put("typ JWT", signed(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                    .keyID(kid).build(), claims, ours.signer()));
            forged.put("no typ", signed(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims,
                    ours.signer()));
            forged.put("no kid", signed(new JWSHeader.Builder(JWSAlgorithm.RS256).type(AT_JWT).build(), claims,
                    ours.signer()));
            forged.put("critical header", signed(new JWSHeader.Builder(JWSAlgorithm.RS256).type(AT_JWT).keyID(kid)
                    .customParam("gh-test", true).criticalParams(Set.of("gh-test")).build(), claims, ours.signer()));
            forged.put("no client_id", signed(header(JWSAlgorithm.RS256, kid),
                    new JWTClaimsSet.Builder(claims).claim("client_id", null).build(), ours.signer()));
            forged.put("application_id not a UUID", signed(header(JWSAlgorithm.RS256, kid),
                    new JWTClaimsSet.Builder(claims).claim("application_id", "x").build(), ours.signer()));
            forged.put("empty", "");
            forged.put("blank", "   ");
            forged.put("three dots", "a.b.c");
            forged.put("words", "not a token at all");
            forged.put("huge", token.accessToken() + "x".repeat(TokenServiceBean.MAX_TOKEN_LENGTH));
            forged.put("five parts", parts[0] + "." + parts[1] + "." + parts[2] + ".x.y");
            forged.put("bad base64", "%%%." + parts[1] + "." + parts[2]);

            List<String> accepted = new ArrayList<>();
            for (Map.Entry<String, String> attempt : forged.entrySet()) {
                if (node.call(t -> t.verify(attempt.getValue())).isPresent()
                        || node.call(t -> t.introspect(attempt.getValue())).active()) {
                    accepted.add(attempt.getKey());
                }
            }
            assertEquals(List.of(), accepted);
            assertTrue(node.call(t -> t.verify(null)).isEmpty());
            assertEquals(Map.of("active", false), node.call(t -> t.introspect(null)).members());
        }
    }

    @Test
    void tokensAreValidFromIssueToExpiryWithThirtySecondsOfClockSkewAndOnlyForThisIssuerAndAudience() {
        try (TestPersistence persistence = TestPersistence.on(TestDatabase.H2)) {
            MutableClock clock = MutableClock.startingNow();
            ScopedEntityManager scope = new ScopedEntityManager(persistence);
            Node node = new Node(scope, clock, KEK, SigningAlgorithm.RS256).started();
            Instant issued = clock.instant();
            IssuedToken token = node.call(t -> t.issue(request("client-t", null)));

            clock.advance(LIFETIME.plusSeconds(29));
            assertTrue(node.call(t -> t.verify(token.accessToken())).isPresent(), "29 s past exp: clock skew");
            clock.advance(Duration.ofSeconds(2));
            assertTrue(node.call(t -> t.verify(token.accessToken())).isEmpty(), "31 s past exp: expired");

            MutableClock behind = new MutableClock(issued.minusSeconds(29));
            Node slow = new Node(scope, behind, KEK, SigningKeysTesting.settings(SigningAlgorithm.RS256),
                    new TokenSettings(Node.ISSUER, Node.AUDIENCE, Node.MAX_LIFETIME));
            assertTrue(slow.call(t -> t.verify(token.accessToken())).isPresent(), "a node 29 s behind");
            behind.set(issued.minusSeconds(31));
            assertTrue(slow.call(t -> t.verify(token.accessToken())).isEmpty(), "a node 31 s behind: not yet valid");

            clock.set(issued);
            Node elsewhere = new Node(scope, clock, KEK, SigningKeysTesting.settings(SigningAlgorithm.RS256),
                    new TokenSettings("https://elsewhere.example", Node.AUDIENCE, Node.MAX_LIFETIME));
            Node otherAudience = new Node(scope, clock, KEK, SigningKeysTesting.settings(SigningAlgorithm.RS256),
                    new TokenSettings(Node.ISSUER, "another-api", Node.MAX_LIFETIME));
            assertTrue(node.call(t -> t.verify(token.accessToken())).isPresent());
            assertTrue(elsewhere.call(t -> t.verify(token.accessToken())).isEmpty(), "wrong issuer");
            assertTrue(otherAudience.call(t -> t.verify(token.accessToken())).isEmpty(), "wrong audience");
            IssuedToken foreign = elsewhere.call(t -> t.issue(request("client-t", null)));
            assertTrue(node.call(t -> t.verify(foreign.accessToken())).isEmpty(), "issued by another issuer");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aTokenSignedBeforeARotationStillVerifiesAfterItWhileNewTokensUseTheNewKeyOnceItSigns(TestDatabase kind)
            throws Exception {
        try (TestPersistence persistence = TestPersistence.on(kind)) {
            MutableClock clock = MutableClock.startingNow();
            ScopedEntityManager scope = new ScopedEntityManager(persistence);
            Node a = new Node(scope, clock, KEK, SigningAlgorithm.RS256).started();
            Node b = new Node(scope, clock, KEK, SigningAlgorithm.RS256).started();
            IssuedToken before = a.call(t -> t.issue(request("client-r", null)));

            String next = scope.inTransaction(() -> a.keys.rotate("admin")).kid();
            IssuedToken waiting = a.call(t -> t.issue(request("client-r", null)));
            assertEquals(kid(before), kid(waiting), "the new key does not sign before its time");
            clock.advance(Duration.ofSeconds(30));
            assertEquals(Set.of(kid(before), next), kids(b.jwks()), "every instance publishes it before it signs");

            clock.advance(SigningKeysTesting.PUBLICATION_DELAY);
            IssuedToken afterOnB = b.call(t -> t.issue(request("client-r", null)));
            IssuedToken afterOnA = a.call(t -> t.issue(request("client-r", null)));
            a.advance();

            assertNotEquals(kid(before), next);
            assertEquals(next, kid(afterOnA));
            assertEquals(next, kid(afterOnB));
            for (IssuedToken token : List.of(before, waiting, afterOnA, afterOnB)) {
                assertTrue(a.call(t -> t.verify(token.accessToken())).isPresent());
                assertTrue(b.call(t -> t.verify(token.accessToken())).isPresent());
                assertTrue(signatureVerifies(b.jwks(), token), "against the published key set alone");
            }
            assertEquals(Set.of(kid(before), next), kids(a.jwks()), "the retired key stays published while its tokens live");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void revokedByJtiByClientCutOffAndBySecretCutOff(TestDatabase kind) {
        try (TestPersistence persistence = TestPersistence.on(kind)) {
            MutableClock clock = MutableClock.startingNow();
            ScopedEntityManager scope = new ScopedEntityManager(persistence);
            Node node = new Node(scope, clock, KEK, SigningAlgorithm.RS256).started();
            Node other = new Node(scope, clock, KEK, SigningAlgorithm.RS256).started();
            UUID secret = UUID.randomUUID();
            IssuedToken byJti = node.call(t -> t.issue(request("client-1", null)));
            IssuedToken sameClient = node.call(t -> t.issue(request("client-1", null)));
            IssuedToken ofAnotherClient = node.call(t -> t.issue(request("client-2", null)));
            IssuedToken bySecret = node.call(t -> t.issue(request("client-3", secret)));
            IssuedToken otherSecret = node.call(t -> t.issue(request("client-3", UUID.randomUUID())));

            node.revoke(byJti.accessToken(), "client-1");
            node.revoke(ofAnotherClient.accessToken(), "client-1");
            node.revoke("garbage", "client-1");

            assertTrue(other.call(t -> t.verify(byJti.accessToken())).isEmpty(), "revoked, on every instance");
            assertEquals(Map.of("active", false), node.call(t -> t.introspect(byJti.accessToken())).members());
            assertTrue(node.call(t -> t.verify(sameClient.accessToken())).isPresent(), "only that token");
            assertTrue(node.call(t -> t.verify(ofAnotherClient.accessToken())).isPresent(),
                    "a client revokes only its own tokens");
            assertEquals(List.of(
                    new RecordingAuditLog.Entry("SUCCESS", "client-1", "token.revoke", "token", byJti.jti()),
                    new RecordingAuditLog.Entry("DENIED", "client-1", "token.revoke", "token", ofAnotherClient.jti())),
                    node.audit.entries());

            scope.run(() -> {
                node.revocations.revokeClientTokens("client-2", clock.instant());
                node.revocations.revokeSecretTokens(secret, clock.instant());
            });
            clock.advance(Duration.ofSeconds(1));
            IssuedToken afterCutOff = node.call(t -> t.issue(request("client-2", null)));
            IssuedToken sameSecretAfterCutOff = node.call(t -> t.issue(request("client-3", secret)));

            assertTrue(other.call(t -> t.verify(ofAnotherClient.accessToken())).isEmpty());
            assertTrue(other.call(t -> t.verify(bySecret.accessToken())).isEmpty());
            assertTrue(other.call(t -> t.verify(otherSecret.accessToken())).isPresent(), "another secret's token");
            assertTrue(other.call(t -> t.verify(afterCutOff.accessToken())).isPresent(), "issued after the cut-off");
            assertTrue(other.call(t -> t.verify(sameSecretAfterCutOff.accessToken())).isPresent());
        }
    }

    @Test
    void introspectionOfAnActiveTokenHasTheRfc7662Members() {
        try (TestPersistence persistence = TestPersistence.on(TestDatabase.H2)) {
            MutableClock clock = MutableClock.startingNow();
            Node node = node(persistence, clock);
            IssuedToken token = node.call(t -> t.issue(request("client-i", null)));

            Map<String, Object> members = node.call(t -> t.introspect(token.accessToken())).members();

            Map<String, Object> expected = new LinkedHashMap<>();
            expected.put("active", true);
            expected.put("scope", "read write");
            expected.put("client_id", "client-i");
            expected.put("sub", "client-i");
            expected.put("aud", Node.AUDIENCE);
            expected.put("iss", Node.ISSUER);
            expected.put("exp", token.expiresAt().getEpochSecond());
            expected.put("iat", clock.instant().getEpochSecond());
            expected.put("jti", token.jti());
            expected.put("token_type", "Bearer");
            assertEquals(List.copyOf(expected.entrySet()), List.copyOf(members.entrySet()));
        }
    }

    private static JWSHeader header(JWSAlgorithm algorithm, String kid) {
        return new JWSHeader.Builder(algorithm).type(AT_JWT).keyID(kid).build();
    }

    private static String signed(JWSHeader header, JWTClaimsSet claims, JWSSigner signer) throws Exception {
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    private static String flipped(String base64url) {
        char last = base64url.charAt(10);
        return base64url.substring(0, 10) + (last == 'A' ? 'B' : 'A') + base64url.substring(11);
    }

    private static String kid(IssuedToken token) {
        try {
            return SignedJWT.parse(token.accessToken()).getHeader().getKeyID();
        } catch (ParseException e) {
            throw new AssertionError(e);
        }
    }

    private static Set<String> kids(String jwks) throws ParseException {
        Set<String> kids = new HashSet<>();
        for (JWK key : JWKSet.parse(jwks).getKeys()) {
            kids.add(key.getKeyID());
        }
        return kids;
    }

    /** Signature and type only: the test clock runs ahead of the time nimbus checks claims against. */
    private static boolean signatureVerifies(String jwks, IssuedToken token) {
        try {
            var processor = new DefaultJWTProcessor<SecurityContext>();
            processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(AT_JWT));
            processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                    new ImmutableJWKSet<>(JWKSet.parse(jwks))));
            processor.setJWTClaimsSetVerifier((claims, context) -> { });
            processor.process(token.accessToken(), null);
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
