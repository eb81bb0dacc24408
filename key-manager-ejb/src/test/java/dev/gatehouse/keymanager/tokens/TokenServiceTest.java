package dev.gatehouse.keymanager.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.gatehouse.keymanager.changes.ChangeFeed;
import dev.gatehouse.keymanager.changes.ChangeFeedTesting;
import dev.gatehouse.keymanager.keys.SigningKeysTesting;
import dev.gatehouse.keymanager.revocations.RevocationTesting;
import dev.gatehouse.keymanager.clients.api.Environment;
import dev.gatehouse.keymanager.database.TestDatabase;
import dev.gatehouse.keymanager.database.TestPersistence;
import dev.gatehouse.keymanager.keys.KeyEncryption;
import dev.gatehouse.keymanager.keys.SigningKeysBean;
import dev.gatehouse.keymanager.revocations.RevocationServiceBean;
import dev.gatehouse.keymanager.tokens.api.IssuedToken;
import dev.gatehouse.keymanager.tokens.api.TokenRequest;
import jakarta.persistence.EntityManager;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Issuing, verifying, rotating and revoking tokens with the real beans on a real database. */
class TokenServiceTest {

    private static final byte[] KEK = new byte[32];
    private static final TokenSettings SETTINGS = new TokenSettings("https://gatehouse.example", "gatehouse", "RS256",
            Duration.ofHours(24), Duration.ZERO, Duration.ofDays(30));

    static {
        new SecureRandom().nextBytes(KEK);
    }

    /** The beans of one transaction, wired as the container would. */
    private record Beans(TokenServiceBean tokens, SigningKeysBean keys, RevocationServiceBean revocations) {
        static Beans on(EntityManager em) {
            ChangeFeed changes = ChangeFeedTesting.on(em);
            SigningKeysBean keys = SigningKeysTesting.wire(em, changes, SETTINGS, new KeyEncryption(KEK));
            RevocationServiceBean revocations = new RevocationServiceBean();
            RevocationTesting.wire(revocations, em, changes, SETTINGS);
            TokenServiceBean tokens = new TokenServiceBean();
            tokens.keys = keys;
            tokens.revocations = revocations;
            tokens.settings = SETTINGS;
            return new Beans(tokens, keys, revocations);
        }
    }

    private static <T> T with(TestPersistence persistence, Function<Beans, T> work) {
        return persistence.inTransaction(em -> work.apply(Beans.on(em)));
    }

    private static TokenRequest request(String clientId, UUID secretId) {
        return new TokenRequest(clientId, UUID.randomUUID(), Environment.PRODUCTION, secretId, Set.of("read"), Duration.ofMinutes(10));
    }

    @Test
    void aTokenVerifiesIndependentlyAgainstThePublishedKeySet() throws Exception {
        try (TestPersistence persistence = TestPersistence.on(TestDatabase.H2)) {
            IssuedToken token = with(persistence, beans -> beans.tokens().issue(request("client-a", null)));
            JWKSet published = JWKSet.parse(jwks(persistence));

            var processor = new DefaultJWTProcessor<SecurityContext>();
            processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt")));
            processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(published)));
            var claims = processor.process(token.accessToken(), null);

            assertEquals("client-a", claims.getSubject());
            assertEquals("client-a", claims.getStringClaim("client_id"));
            assertEquals("read", claims.getStringClaim("scope"));
            assertEquals(token.jti(), claims.getJWTID());
            assertTrue(published.getKeys().stream().noneMatch(key -> key.isPrivate()), "public members only");
        }
    }

    @Test
    void jtiIsUniqueOverTenThousandTokens() {
        try (TestPersistence persistence = TestPersistence.on(TestDatabase.H2)) {
            Set<String> seen = with(persistence, beans -> {
                Set<String> jtis = new HashSet<>();
                for (int i = 0; i < 10_000; i++) {
                    jtis.add(beans.tokens().issue(request("client-" + (i % 7), null)).jti());
                }
                return jtis;
            });
            assertEquals(10_000, seen.size());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void tokensSignedBeforeARotationStillVerifyAfterIt(TestDatabase kind) throws Exception {
        try (TestPersistence persistence = TestPersistence.on(kind)) {
            IssuedToken before = with(persistence, beans -> beans.tokens().issue(request("client-r", null)));

            with(persistence, beans -> beans.keys().rotate());
            with(persistence, beans -> {
                beans.keys().advance();
                return null;
            });
            IssuedToken after = with(persistence, beans -> beans.tokens().issue(request("client-r", null)));

            assertNotEquals(kid(before), kid(after), "the new key signs");
            assertTrue(with(persistence, beans -> beans.tokens().verify(before.accessToken())).isPresent());
            assertTrue(with(persistence, beans -> beans.tokens().verify(after.accessToken())).isPresent());
            assertEquals(2, JWKSet.parse(jwks(persistence)).getKeys().size(),
                    "the retired key stays published while its tokens live");
        }
    }

    @Test
    void forgedAndStaleTokensAreRefused() throws Exception {
        try (TestPersistence persistence = TestPersistence.on(TestDatabase.H2)) {
            IssuedToken token = with(persistence, beans -> beans.tokens().issue(request("client-f", null)));
            SignedJWT original = SignedJWT.parse(token.accessToken());
            String[] parts = token.accessToken().split("\\.");
            String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];
            String none = new PlainJWT(new PlainHeader.Builder().type(new JOSEObjectType("at+jwt")).build(),
                    original.getJWTClaimsSet()).serialize();
            SignedJWT hs256 = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType("at+jwt"))
                    .keyID(original.getHeader().getKeyID()).build(), original.getJWTClaimsSet());
            byte[] publicKeyAsSecret = JWKSet.parse(jwks(persistence)).getKeys().get(0)
                    .toRSAKey().toPublicKey().getEncoded();
            hs256.sign(new MACSigner(publicKeyAsSecret));
            IssuedToken expired = with(persistence, beans -> beans.tokens().issue(new TokenRequest("client-f",
                    UUID.randomUUID(), Environment.SANDBOX, null, Set.of(), Duration.ofSeconds(-60))));

            for (String forged : new String[] {tampered, none, hs256.serialize(), expired.accessToken(), "garbage", "", "a.b.c"}) {
                assertFalse(with(persistence, beans -> beans.tokens().verify(forged)).isPresent(), forged);
            }
            TokenSettings otherIssuer = new TokenSettings("https://elsewhere.example", "gatehouse", "RS256",
                    Duration.ofHours(24), Duration.ZERO, Duration.ofDays(30));
            assertFalse(persistence.inTransaction(em -> {
                Beans beans = Beans.on(em);
                beans.tokens().settings = otherIssuer;
                return beans.tokens().verify(token.accessToken());
            }).isPresent(), "wrong issuer");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void revokedByJtiByClientCutOffAndBySecretCutOff(TestDatabase kind) {
        try (TestPersistence persistence = TestPersistence.on(kind)) {
            UUID secret = UUID.randomUUID();
            IssuedToken byJti = with(persistence, beans -> beans.tokens().issue(request("client-1", null)));
            IssuedToken byClient = with(persistence, beans -> beans.tokens().issue(request("client-2", null)));
            IssuedToken bySecret = with(persistence, beans -> beans.tokens().issue(request("client-3", secret)));
            IssuedToken otherSecret = with(persistence, beans -> beans.tokens().issue(request("client-3", UUID.randomUUID())));

            with(persistence, beans -> {
                beans.tokens().revoke(byJti.accessToken(), "client-1");
                beans.revocations().revokeClientTokens("client-2", Instant.now().plusSeconds(1));
                beans.revocations().revokeSecretTokens(secret, Instant.now().plusSeconds(1));
                return null;
            });

            assertFalse(with(persistence, beans -> beans.tokens().verify(byJti.accessToken())).isPresent());
            assertFalse(with(persistence, beans -> beans.tokens().verify(byClient.accessToken())).isPresent());
            assertFalse(with(persistence, beans -> beans.tokens().verify(bySecret.accessToken())).isPresent());
            assertTrue(with(persistence, beans -> beans.tokens().verify(otherSecret.accessToken())).isPresent());
        }
    }

    private static String jwks(TestPersistence persistence) {
        return with(persistence, beans -> beans.keys().jwks());
    }

    private static String kid(IssuedToken token) {
        try {
            return SignedJWT.parse(token.accessToken()).getHeader().getKeyID();
        } catch (java.text.ParseException e) {
            throw new AssertionError(e);
        }
    }
}
