package dev.gatehouse.keymanager.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.keymanager.accounts.api.Caller;
import dev.gatehouse.keymanager.accounts.api.Role;
import dev.gatehouse.keymanager.audit.api.AuditEventPage;
import dev.gatehouse.keymanager.audit.api.AuditEventView;
import dev.gatehouse.keymanager.audit.api.AuditQuery;
import dev.gatehouse.keymanager.audit.api.NotAdministrator;
import dev.gatehouse.keymanager.database.TestDatabase;
import dev.gatehouse.keymanager.database.TestPersistence;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Reading and purging the audit trail, on H2 and PostgreSQL. */
class AuditTrailTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final Caller ADMIN = new Caller(UUID.randomUUID(), "admin", Set.of(Role.ADMIN));
    private static final Caller DEVELOPER = new Caller(UUID.randomUUID(), "dev", Set.of(Role.DEVELOPER));

    private static <T> T trail(TestPersistence persistence, Function<AuditTrailBean, T> work) {
        return persistence.inTransaction(em -> {
            AuditTrailBean bean = new AuditTrailBean();
            bean.em = em;
            bean.settings = new AuditSettings(Duration.ofDays(90));
            bean.clock = Clock.fixed(NOW, ZoneOffset.UTC);
            return work.apply(bean);
        });
    }

    private static void event(EntityManager em, Instant at, String actor, String action, String targetType,
            String targetId, AuditEvent.Outcome outcome) {
        em.persist(new AuditEvent(at, actor, action, targetType, targetId, outcome, null));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void eventsOlderThanTheRetentionArePurgedAndNewerOnesKept(TestDatabase kind) {
        try (TestPersistence persistence = TestPersistence.on(kind)) {
            persistence.inTransactionDo(em -> {
                event(em, NOW.minus(Duration.ofDays(91)), "old", "account.authenticate", "account", null,
                        AuditEvent.Outcome.FAILURE);
                event(em, NOW.minus(Duration.ofDays(200)), "older", "account.authenticate", "account", null,
                        AuditEvent.Outcome.FAILURE);
                event(em, NOW.minus(Duration.ofDays(89)), "recent", "account.signup", "account", "1",
                        AuditEvent.Outcome.SUCCESS);
            });

            assertEquals(2, trail(persistence, AuditTrailBean::purgeExpired));

            AuditEventPage left = trail(persistence, t -> t.search(ADMIN, new AuditQuery(null, null, null, null, null, 0, 20)));
            assertEquals(1, left.total());
            assertEquals("recent", left.items().get(0).actor());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void administratorsFilterByActorActionTargetAndTimeNewestFirstInPages(TestDatabase kind) {
        try (TestPersistence persistence = TestPersistence.on(kind)) {
            persistence.inTransactionDo(em -> {
                for (int i = 0; i < 5; i++) {
                    event(em, NOW.minus(Duration.ofMinutes(10 - i)), "mallory", "account.authenticate", "account",
                            null, AuditEvent.Outcome.FAILURE);
                }
                event(em, NOW.minus(Duration.ofMinutes(3)), "client:abc", "client.authenticate", "oauth_client",
                        "abc", AuditEvent.Outcome.FAILURE);
                event(em, NOW.minus(Duration.ofMinutes(2)), "alice", "api.lifecycle", "api", "42",
                        AuditEvent.Outcome.SUCCESS);
            });

            AuditEventPage mallory = trail(persistence, t -> t.search(ADMIN,
                    new AuditQuery("mallory", "account.authenticate", null, null, null, 1, 2)));
            assertEquals(5, mallory.total());
            assertEquals(2, mallory.items().size());
            assertEquals(NOW.minus(Duration.ofMinutes(8)), mallory.items().get(0).occurredAt(), "newest first, page 1");

            AuditEventPage client = trail(persistence, t -> t.search(ADMIN,
                    new AuditQuery(null, null, "abc", null, null, 0, 20)));
            assertEquals(1, client.total());
            assertEquals("client:abc", client.items().get(0).actor());
            assertEquals(1, trail(persistence, t -> t.search(ADMIN,
                    new AuditQuery(null, null, "api", null, null, 0, 20))).total(), "target by type");

            AuditEventPage window = trail(persistence, t -> t.search(ADMIN, new AuditQuery(null, null, null,
                    NOW.minus(Duration.ofMinutes(3)), NOW.minus(Duration.ofMinutes(2)), 0, 20)));
            assertEquals(1, window.total(), "from inclusive, to exclusive");
            assertEquals("client.authenticate", window.items().get(0).action());
        }
    }

    @Test
    void onlyAdministratorsReadTheTrail() {
        AuditTrailBean bean = new AuditTrailBean();
        assertThrows(NotAdministrator.class, () -> bean.search(DEVELOPER, new AuditQuery(null, null, null, null, null, 0, 20)));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anIdentifierWithLineBreaksIsStoredAndFoundEscaped(TestDatabase kind) {
        try (TestPersistence persistence = TestPersistence.on(kind)) {
            String forged = "x\r\nGH-AUDIT SUCCESS account.signup account:1 by admin";
            persistence.inTransactionDo(em -> AuditTesting.on(em).failure(forged, "account.authenticate", "account",
                    null, "wrong username or password"));

            AuditEventView stored = trail(persistence, t -> t.search(ADMIN,
                    new AuditQuery(forged, null, null, null, null, 0, 20))).items().get(0);
            assertEquals("x\\r\\nGH-AUDIT SUCCESS account.signup account:1 by admin", stored.actor());
            assertTrue(stored.actor().chars().noneMatch(Character::isISOControl));
        }
    }

    @Test
    void everyControlCharacterIsEscapedAndEscapesCannotBeFaked() {
        assertEquals("a\\nb\\rc\\td\\u0000e\\u2028f\\\\ng", AuditEvent.escaped("a\nb\rc\td\u0000e\u2028f\\ng"));
        assertEquals("plain.name-1", AuditEvent.escaped("plain.name-1"));
    }
}
