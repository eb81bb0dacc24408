package dev.gatehouse.keymanager.tokens;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import dev.gatehouse.keymanager.accounts.api.Caller;
import dev.gatehouse.keymanager.accounts.api.Role;
import dev.gatehouse.keymanager.clients.api.Environment;
import dev.gatehouse.keymanager.database.TestDatabase;
import dev.gatehouse.keymanager.database.TestPersistence;
import dev.gatehouse.keymanager.signingkeys.MutableClock;
import dev.gatehouse.keymanager.signingkeys.ScopedEntityManager;
import dev.gatehouse.keymanager.signingkeys.SigningAlgorithm;
import dev.gatehouse.keymanager.signingkeys.SigningKeysTesting;
import dev.gatehouse.keymanager.tokens.api.IssuedToken;
import dev.gatehouse.keymanager.tokens.api.TokenCheck;
import dev.gatehouse.keymanager.tokens.api.TokenRequest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issuing and verifying tokens with the real beans on a real database. */
class TokenServiceTest {

    private static Node node(TestPersistence persistence, MutableClock clock) {
        byte[] kek = new byte[32];
        new SecureRandom().nextBytes(kek);
        return new Node(new ScopedEntityManager(persistence), clock, kek, SigningAlgorithm.RS256).started();
    }

    private static TokenRequest request(String clientId) {
        return new TokenRequest(clientId, UUID.randomUUID(), Environment.PRODUCTION, null, Set.of("read"), Duration.ofMinutes(10));
    }

    @Test
    void jtiIsUniqueOverTenThousandTokens() {
        try (TestPersistence persistence = TestPersistence.on(TestDatabase.H2)) {
            Node node = node(persistence, MutableClock.startingNow());
            Set<String> jtis = node.call(tokens -> {
                Set<String> seen = new HashSet<>();
                for (int i = 0; i < 10_000; i++) {
                    seen.add(tokens.issue(request("client-" + (i % 7))).jti());
                }
                return seen;
            });
            assertEquals(10_000, jtis.size());
        }
    }

    @Test
    void aTokenOfADisabledKeyIsRefusedByEveryNodeAtOnceAndTheTokensOfItsSuccessorAreNot() throws Exception {
        try (TestPersistence persistence = TestPersistence.on(TestDatabase.H2)) {
            MutableClock clock = MutableClock.startingNow();
            byte[] kek = new byte[32];
            new SecureRandom().nextBytes(kek);
            ScopedEntityManager scope = new ScopedEntityManager(persistence);
            Node node = new Node(scope, clock, kek, SigningAlgorithm.RS256).started();
            Node other = new Node(scope, clock, kek, SigningAlgorithm.RS256).started();
            IssuedToken compromised = node.call(tokens -> tokens.issue(request("client-d")));
            assertTrue(other.call(tokens -> tokens.check(compromised.accessToken())).isAccepted());

            node.scope.run(() -> node.keys.disable(new Caller(UUID.randomUUID(), "admin", Set.of(Role.ADMIN)),
                    kid(compromised)));

            TokenCheck refused = other.call(tokens -> tokens.check(compromised.accessToken()));
            assertEquals("token_revoked", refused.reason(), "the other node, though its keys are a second old");
            clock.advance(SigningKeysTesting.RELOAD);
            IssuedToken after = other.call(tokens -> tokens.issue(request("client-d")));
            assertNotEquals(kid(compromised), kid(after), "the other node signs with the new key within a second");
            assertTrue(node.call(tokens -> tokens.check(after.accessToken())).isAccepted());
        }
    }

    @Test
    void aTokenSignedBeforeARotationStillVerifiesAfterIt() throws Exception {
        try (TestPersistence persistence = TestPersistence.on(TestDatabase.H2)) {
            MutableClock clock = MutableClock.startingNow();
            Node node = node(persistence, clock);
            IssuedToken before = node.call(tokens -> tokens.issue(request("client-r")));

            node.scope.run(() -> node.keys.rotate(new Caller(UUID.randomUUID(), "test", Set.of(Role.ADMIN))));
            clock.advance(SigningKeysTesting.PUBLICATION_DELAY.plusMinutes(1));
            node.advance();
            IssuedToken after = node.call(tokens -> tokens.issue(request("client-r")));

            assertNotEquals(kid(before), kid(after), "the new key signs once it has been published");
            assertTrue(node.call(tokens -> tokens.verify(before.accessToken())).isPresent());
            assertTrue(node.call(tokens -> tokens.verify(after.accessToken())).isPresent());
        }
    }

    @Test
    void forgedAndExpiredTokensAreRefused() {
        try (TestPersistence persistence = TestPersistence.on(TestDatabase.H2)) {
            MutableClock clock = MutableClock.startingNow();
            Node node = node(persistence, clock);
            String token = node.call(tokens -> tokens.issue(request("client-f"))).accessToken();
            String[] parts = token.split("\\.");
            String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];
            String unsigned = parts[0] + "." + parts[1] + ".";

            for (String forged : new String[] {tampered, unsigned, "garbage", "a.b.c", ""}) {
                assertFalse(node.call(tokens -> tokens.verify(forged)).isPresent(), forged);
            }
            clock.advance(Duration.ofMinutes(15));
            assertFalse(node.call(tokens -> tokens.verify(token)).isPresent(), "expired");
        }
    }

    private static String kid(IssuedToken token) {
        try {
            return SignedJWT.parse(token.accessToken()).getHeader().getKeyID();
        } catch (java.text.ParseException e) {
            throw new AssertionError(e);
        }
    }
}
