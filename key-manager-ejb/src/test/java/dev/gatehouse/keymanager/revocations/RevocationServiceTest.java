package dev.gatehouse.keymanager.revocations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.keymanager.changes.ChangeEntry;
import dev.gatehouse.keymanager.changes.ChangeFeedTesting;
import dev.gatehouse.keymanager.clients.api.Environment;
import dev.gatehouse.keymanager.database.TestDatabase;
import dev.gatehouse.keymanager.database.TestPersistence;
import dev.gatehouse.keymanager.keys.MapConfig;
import dev.gatehouse.keymanager.keys.MutableClock;
import dev.gatehouse.keymanager.keys.ScopedEntityManager;
import dev.gatehouse.keymanager.tokens.api.TokenClaims;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Revocations with the real bean and entity on H2 and PostgreSQL. */
class RevocationServiceTest {

    private static final Duration MAX_LIFETIME = Duration.ofHours(24);

    /** The bean of one instance, on a shared database. */
    private static final class Service {
        final ScopedEntityManager scope;
        final MutableClock clock;
        final RecordingAuditLog audit = new RecordingAuditLog();
        final RevocationServiceBean bean;

        Service(TestPersistence persistence) {
            scope = new ScopedEntityManager(persistence);
            clock = new MutableClock(Instant.parse("2026-11-28T12:00:00.500Z"));
            bean = RevocationTesting.wire(scope.entityManager(), ChangeFeedTesting.on(scope.entityManager()), audit,
                    MAX_LIFETIME, clock);
        }

        void run(Runnable work) {
            scope.run(work);
        }

        boolean revoked(TokenClaims claims) {
            return scope.inTransaction(() -> bean.isRevoked(claims));
        }

        List<Revocation> rows() {
            return scope.inTransaction(() -> scope.entityManager()
                    .createQuery("SELECT r FROM Revocation r ORDER BY r.id", Revocation.class).getResultList());
        }

        List<ChangeEntry> feed() {
            return scope.inTransaction(() -> scope.entityManager().createQuery(
                    "SELECT c FROM ChangeEntry c WHERE c.entity = 'revocation' ORDER BY c.id", ChangeEntry.class)
                    .getResultList());
        }
    }

    private static TokenClaims token(String clientId, UUID secretId, Instant issuedAt) {
        Instant iat = issuedAt.truncatedTo(ChronoUnit.SECONDS);
        return new TokenClaims("https://gatehouse.example", clientId, "gatehouse", clientId, UUID.randomUUID(),
                Environment.PRODUCTION, secretId, Set.of("read"), UUID.randomUUID().toString(), iat,
                iat.plus(Duration.ofHours(1)));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aTokenRevokedByJtiIsRevokedAloneAnnouncedAndAudited(TestDatabase kind) {
        try (TestPersistence persistence = TestPersistence.on(kind)) {
            Service service = new Service(persistence);
            TokenClaims revoked = token("client-1", null, service.clock.instant());
            TokenClaims sibling = token("client-1", null, service.clock.instant());

            service.run(() -> service.bean.revokeToken(revoked.jti(), "client-1", revoked.expiresAt()));

            assertTrue(service.revoked(revoked));
            assertFalse(service.revoked(sibling));
            Revocation row = service.rows().get(0);
            assertEquals(Revocation.Kind.TOKEN, row.kind());
            assertEquals(revoked.expiresAt(), row.expiresAt(), "kept as long as the token could be used");
            ChangeEntry announced = service.feed().get(0);
            assertEquals(List.of(revoked.jti(), "TOKEN"), List.of(announced.entityId(), announced.changeKind()));
            assertEquals(List.of(new RecordingAuditLog.Entry("SUCCESS", "client-1", "token.revoke", "token",
                    revoked.jti())), service.audit.entries());

            service.run(() -> service.bean.revokeToken(revoked.jti(), "client-1", revoked.expiresAt()));
            assertEquals(1, service.rows().size(), "revoking twice changes nothing");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aClientCutOffRevokesTheClientsTokensIssuedBeforeItIncludingThoseOfItsSecond(TestDatabase kind) {
        try (TestPersistence persistence = TestPersistence.on(kind)) {
            Service service = new Service(persistence);
            Instant cutOff = service.clock.instant();

            service.run(() -> service.bean.revokeClientTokens("client-2", cutOff));

            assertTrue(service.revoked(token("client-2", null, cutOff.minus(Duration.ofHours(3)))));
            assertTrue(service.revoked(token("client-2", UUID.randomUUID(), cutOff.minusSeconds(1))));
            assertTrue(service.revoked(token("client-2", null, cutOff)), "iat rounded down: the cut-off's second");
            assertFalse(service.revoked(token("client-2", null, cutOff.plusSeconds(1))), "issued after");
            Instant onTheSecond = cutOff.plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
            service.run(() -> service.bean.revokeClientTokens("client-2", onTheSecond));
            assertTrue(service.revoked(token("client-2", null, onTheSecond.minusSeconds(1))));
            assertFalse(service.revoked(token("client-2", null, onTheSecond)), "issued at the cut-off, not before");
            assertFalse(service.revoked(token("client-3", null, cutOff.minusSeconds(10))), "another client");
            Revocation row = service.rows().get(0);
            assertEquals(onTheSecond.plus(MAX_LIFETIME), row.expiresAt(), "until its last token has expired");
            assertEquals(List.of("client-2", "CLIENT"),
                    List.of(service.feed().get(0).entityId(), service.feed().get(0).changeKind()));
            assertTrue(service.audit.entries().isEmpty(), "the use case that cut off the client audits itself");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aSecretCutOffRevokesOnlyTheTokensObtainedWithThatSecret(TestDatabase kind) {
        try (TestPersistence persistence = TestPersistence.on(kind)) {
            Service service = new Service(persistence);
            Instant cutOff = service.clock.instant();
            UUID secret = UUID.randomUUID();

            service.run(() -> service.bean.revokeSecretTokens(secret, cutOff));

            assertTrue(service.revoked(token("client-4", secret, cutOff.minusSeconds(60))));
            assertFalse(service.revoked(token("client-4", secret, cutOff.plusSeconds(1))), "issued after");
            assertFalse(service.revoked(token("client-4", UUID.randomUUID(), cutOff.minusSeconds(60))), "other secret");
            assertFalse(service.revoked(token("client-4", null, cutOff.minusSeconds(60))), "generated by the owner");
            assertEquals(List.of(secret.toString(), "SECRET"),
                    List.of(service.feed().get(0).entityId(), service.feed().get(0).changeKind()));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aSecondCutOffMovesTheFirstForwardAndNeverBack(TestDatabase kind) {
        try (TestPersistence persistence = TestPersistence.on(kind)) {
            Service service = new Service(persistence);
            Instant first = service.clock.instant();
            Instant later = first.plus(Duration.ofHours(2));
            TokenClaims between = token("client-5", null, first.plus(Duration.ofHours(1)));

            service.run(() -> service.bean.revokeClientTokens("client-5", first));
            assertFalse(service.revoked(between));
            service.run(() -> service.bean.revokeClientTokens("client-5", later));
            assertTrue(service.revoked(between));
            service.run(() -> service.bean.revokeClientTokens("client-5", first.minus(Duration.ofDays(1))));
            assertTrue(service.revoked(between), "an earlier cut-off does not undo a later one");

            List<Revocation> rows = service.rows();
            assertEquals(1, rows.size(), "one row per (kind, subject)");
            assertEquals(later, rows.get(0).issuedBefore());
            assertEquals(later.plus(MAX_LIFETIME), rows.get(0).expiresAt());
            assertEquals(3, service.feed().size(), "every cut-off is announced");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRevocationAndItsAnnouncementCommitOrRollBackTogether(TestDatabase kind) {
        try (TestPersistence persistence = TestPersistence.on(kind)) {
            Service service = new Service(persistence);

            assertThrows(IllegalStateException.class, () -> service.run(() -> {
                service.bean.revokeClientTokens("client-6", service.clock.instant());
                throw new IllegalStateException("the use case failed after the cut-off");
            }));

            assertTrue(service.rows().isEmpty());
            assertTrue(service.feed().isEmpty());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void purgeKeepsEachRevocationUntilNoVerifierCouldAcceptItsTokens(TestDatabase kind) {
        try (TestPersistence persistence = TestPersistence.on(kind)) {
            Service service = new Service(persistence);
            Instant now = service.clock.instant();
            TokenClaims shortLived = token("client-7", null, now);
            service.run(() -> {
                service.bean.revokeToken(shortLived.jti(), "client-7", shortLived.expiresAt());
                service.bean.revokeClientTokens("client-8", now);
            });

            service.clock.set(shortLived.expiresAt().plus(RevocationServiceBean.PURGE_MARGIN));
            assertEquals(0, service.scope.inTransaction(service.bean::purgeExpired));
            service.clock.advance(Duration.ofSeconds(1));
            assertEquals(1, service.scope.inTransaction(service.bean::purgeExpired));
            assertFalse(service.revoked(shortLived));
            assertEquals(List.of(Revocation.Kind.CLIENT), service.rows().stream().map(Revocation::kind).toList());

            service.clock.set(now.plus(MAX_LIFETIME).plus(RevocationServiceBean.PURGE_MARGIN).plusSeconds(1));
            assertEquals(1, service.scope.inTransaction(service.bean::purgeExpired));
            assertTrue(service.rows().isEmpty());
        }
    }

    @Test
    void settingsDefaultToTwentyFourHours() {
        assertEquals(new RevocationSettings(Duration.ofHours(24)), RevocationSettings.from(MapConfig.of(Map.of())));
        assertEquals(new RevocationSettings(Duration.ofHours(2)),
                RevocationSettings.from(MapConfig.of(Map.of("gatehouse.tokens.max-lifetime", "PT2H"))));
    }
}
