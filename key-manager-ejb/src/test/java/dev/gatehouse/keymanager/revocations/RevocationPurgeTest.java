package dev.gatehouse.keymanager.revocations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.keymanager.changes.ChangeFeedTesting;
import dev.gatehouse.keymanager.database.TestDatabase;
import dev.gatehouse.keymanager.database.TestPersistence;
import dev.gatehouse.keymanager.revocations.api.RevocationList;
import dev.gatehouse.keymanager.signingkeys.MutableClock;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The hourly purge keeps the revocation list small, and never drops a revocation while a token it covers could
 * still be accepted somewhere: not before that token's expiry plus the verifiers' margin.
 */
class RevocationPurgeTest {

    private static final Duration TOKEN_MAX_LIFETIME = Duration.ofHours(1);

    private final MutableClock clock = MutableClock.startingNow();

    private RevocationServiceBean revocations(EntityManager em) {
        return RevocationTesting.wire(em, ChangeFeedTesting.on(em), new RecordingAuditLog(), TOKEN_MAX_LIFETIME, clock);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRevocationIsPurgedOnlyOnceWhatItCoversHasExpiredPastTheMargin(TestDatabase kind) {
        try (TestPersistence persistence = TestPersistence.on(kind)) {
            Instant tokenExpiry = clock.instant().plus(Duration.ofMinutes(10));
            persistence.inTransactionDo(em -> {
                revocations(em).revokeToken("jti-1", "client-1", tokenExpiry);
                // covers the client's tokens issued until now, which live up to an hour
                revocations(em).revokeClientTokens("client-2", clock.instant());
            });

            clock.set(tokenExpiry.plus(RevocationServiceBean.PURGE_MARGIN).minusSeconds(1));
            assertEquals(0, purge(persistence), "within the margin, a verifier may still accept the token");
            assertEquals(Set.of("jti-1"), inForce(persistence).tokens().keySet());

            clock.advance(Duration.ofSeconds(2));
            assertEquals(1, purge(persistence));
            RevocationList left = inForce(persistence);
            assertEquals(Set.of(), left.tokens().keySet());
            assertEquals(Set.of("client-2"), left.clientCutOffs().keySet(), "its tokens may live another 50 minutes");

            clock.advance(TOKEN_MAX_LIFETIME);
            assertEquals(1, purge(persistence));
            assertEquals(Set.of(), inForce(persistence).clientCutOffs().keySet());
            assertEquals(0, purge(persistence), "nothing left");
        }
    }

    private int purge(TestPersistence persistence) {
        return persistence.inTransaction(em -> revocations(em).purgeExpired());
    }

    private RevocationList inForce(TestPersistence persistence) {
        return persistence.inTransaction(em -> revocations(em).inForce());
    }
}
