package dev.gatehouse.keymanager.signingkeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import dev.gatehouse.keymanager.accounts.api.Caller;
import dev.gatehouse.keymanager.accounts.api.Role;
import dev.gatehouse.keymanager.audit.api.NotAdministrator;
import dev.gatehouse.keymanager.changes.ChangeEntry;
import dev.gatehouse.keymanager.changes.ChangeFeedTesting;
import dev.gatehouse.keymanager.database.TestDatabase;
import dev.gatehouse.keymanager.database.TestPersistence;
import dev.gatehouse.keymanager.signingkeys.api.SigningKeyNotFound;
import dev.gatehouse.keymanager.signingkeys.api.SigningKeyStatus;
import dev.gatehouse.keymanager.signingkeys.api.SigningKeyView;
import dev.gatehouse.keymanager.revocations.RecordingAuditLog;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The signing keys' lifecycle with the real bean and entity on H2 and PostgreSQL, several instances on one database. */
class SigningKeysTest {

    private static final byte[] KEK = randomKek();
    private static final Duration DELAY = SigningKeysTesting.PUBLICATION_DELAY;
    private static final Caller ADMIN = new Caller(UUID.randomUUID(), "admin", Set.of(Role.ADMIN));

    private static byte[] randomKek() {
        byte[] kek = new byte[32];
        new SecureRandom().nextBytes(kek);
        return kek;
    }

    private TestPersistence persistence;
    private ScopedEntityManager scope;
    private MutableClock clock;

    /** A migrated database of the kind, which the test's instances share, and the clock they all read. */
    private void open(TestDatabase kind) {
        persistence = TestPersistence.on(kind);
        scope = new ScopedEntityManager(persistence);
        clock = MutableClock.startingNow();
    }

    /** A started instance with the default settings on the test's database. */
    private Instance started() {
        return new Instance(scope, clock).started();
    }

    @AfterEach
    void close() {
        if (persistence != null) {
            persistence.close();
        }
    }

    /** One deployment of the key manager on the shared database: its own bean, snapshot and configuration. */
    private static final class Instance {
        final ScopedEntityManager scope;
        final SigningKeysTesting.Wired keys;
        final RecordingAuditLog audit = new RecordingAuditLog();

        Instance(ScopedEntityManager scope, KeySettings settings, byte[] kek, MutableClock clock) {
            this.scope = scope;
            this.keys = SigningKeysTesting.wire(scope.entityManager(), ChangeFeedTesting.on(scope.entityManager()),
                    audit, settings, kek, clock);
        }

        Instance(ScopedEntityManager scope, MutableClock clock) {
            this(scope, SigningKeysTesting.settings(SigningAlgorithm.RS256), KEK, clock);
        }

        Instance started() {
            advance();
            return this;
        }

        void advance() {
            scope.run(keys.lifecycle()::advance);
        }

        String signingKid() {
            return scope.inTransaction(() -> keys.signer().kid());
        }

        SigningKeyView rotate() {
            return scope.inTransaction(() -> keys.rotate(ADMIN));
        }

        SigningKeyView disable(String kid) {
            return scope.inTransaction(() -> keys.disable(ADMIN, kid));
        }

        boolean revoked(String kid) {
            return scope.inTransaction(() -> keys.revocations().inForce()).keys().containsKey(kid);
        }

        JWKSet published() {
            try {
                return JWKSet.parse(scope.inTransaction(keys::jwks));
            } catch (ParseException e) {
                throw new AssertionError(e);
            }
        }

        Set<String> publishedKids() {
            return published().getKeys().stream().map(JWK::getKeyID).collect(Collectors.toSet());
        }

        boolean verifies(String kid) {
            return scope.inTransaction(() -> keys.verifier(kid)).isPresent();
        }

        List<SigningKeyView> list() {
            return scope.inTransaction(() -> keys.list(ADMIN));
        }

        SigningKeyView view(String kid) {
            return list().stream().filter(k -> k.kid().equals(kid)).findFirst().orElseThrow();
        }
    }

    @Test
    void tokensAreSignedAndVerifiedWithTheKeysInHandWhileTheDatabaseCannotBeRead() {
        open(TestDatabase.H2);
        Instance instance = started();
        String kid = instance.signingKid();

        // outside a transaction the stand-in EntityManager refuses every statement, as a database that is down
        clock.advance(KeyRingBean.RELOAD.plusSeconds(1));
        assertEquals(kid, instance.keys.signer().kid(), "signs with the key in hand");
        assertTrue(instance.keys.verifier(kid).isPresent(), "and verifies with it");
        assertTrue(instance.keys.jwks().contains(kid));

        clock.advance(KeyRingBean.UNKNOWN_KID_RELOAD.plusSeconds(1));
        assertEquals(kid, instance.signingKid(), "reads the keys again once it can");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theFirstStartCreatesOneActiveKeyThatIsPublishedWithoutItsPrivateHalf(TestDatabase kind) {
        open(kind);
        Instance first = started();
        Instance second = started();

        List<SigningKeyView> keys = first.list();
        assertEquals(1, keys.size(), "the second instance found the first one's key");
        SigningKeyView key = keys.get(0);
        assertEquals(SigningKeyStatus.ACTIVE, key.status());
        assertEquals("RS256", key.algorithm());
        assertEquals(clock.instant(), key.signsFrom());
        assertNull(key.retiredAt());
        assertEquals(key.kid(), first.signingKid());
        assertEquals(key.kid(), second.signingKid());

        JWK published = first.published().getKeys().get(0);
        assertEquals(key.kid(), published.getKeyID());
        assertEquals(KeyUse.SIGNATURE, published.getKeyUse());
        assertEquals(JWSAlgorithm.RS256, published.getAlgorithm());
        assertFalse(published.isPrivate());
        assertEquals(2048, published.toRSAKey().size());
        assertFalse(scope.inTransaction(first.keys::jwks).contains("\"d\""), "no private member in the JWKS");

        Object[] stored = scope.inTransaction(() -> scope.entityManager().createQuery(
                "SELECT k.privateKeyEncrypted, k.kekId FROM SigningKey k", Object[].class).getSingleResult());
        assertEquals(new KeyEncryption(KEK).kekId(), stored[1]);
        String sealed = new String(Base64.getDecoder().decode((String) stored[0]), StandardCharsets.ISO_8859_1);
        assertFalse(sealed.contains("\"d\"") || sealed.contains("RSA"), "the private key is encrypted at rest");

        List<ChangeEntry> feed = changes(scope);
        assertEquals(1, feed.size());
        assertEquals(key.kid(), feed.get(0).entityId());
        assertEquals("ACTIVE", feed.get(0).changeKind());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRotatedKeyIsPublishedBeforeItSignsAndTheOldOneStaysPublishedUntilItsTokensHaveExpired(TestDatabase kind) {
        open(kind);
        Instance instance = started();
        Instance other = started();
        String old = instance.signingKid();

        SigningKeyView next = instance.rotate();

        assertEquals(SigningKeyStatus.ACTIVE, next.status());
        assertEquals(clock.instant().plus(DELAY), next.signsFrom());
        assertEquals(next.kid(), instance.rotate().kid(), "a second request joins the rotation under way");
        assertEquals(2, instance.list().size());
        assertEquals(Set.of(old, next.kid()), instance.publishedKids(), "published before it signs");
        assertEquals(old, instance.signingKid());
        assertEquals(List.of(new RecordingAuditLog.Entry("SUCCESS", "admin", "signing-key.rotate", "signing_key",
                next.kid())), instance.audit.entries());

        clock.advance(DELAY.minusSeconds(1));
        assertEquals(old, instance.signingKid());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(next.kid(), instance.signingKid(), "it signs from signs_from, without waiting for a step");
        assertEquals(next.kid(), other.signingKid(), "on every instance");

        instance.advance();
        SigningKeyView retired = instance.view(old);
        assertEquals(SigningKeyStatus.PASSIVE, retired.status());
        assertEquals(clock.instant(), retired.retiredAt());
        assertEquals(Set.of(old, next.kid()), instance.publishedKids());
        assertTrue(instance.verifies(old));

        clock.advance(SigningKeysTesting.publishedAfterRetirement().minusSeconds(1));
        other.advance();
        assertEquals(SigningKeyStatus.PASSIVE, instance.view(old).status());
        clock.advance(Duration.ofSeconds(1));
        other.advance();
        assertEquals(SigningKeyStatus.DISABLED, instance.view(old).status());
        assertEquals(Set.of(next.kid()), instance.publishedKids());
        assertFalse(instance.verifies(old));
        assertEquals(next.kid(), instance.signingKid());
        assertEquals(List.of("ACTIVE", "ACTIVE", "PASSIVE", "DISABLED"),
                changes(scope).stream().map(ChangeEntry::changeKind).toList());
    }

    @Test
    void aKeyIsRotatedOnScheduleOnceItHasSignedForTheRotationPeriod() {
        open(TestDatabase.H2);
        Instance instance = started();
        String first = instance.signingKid();

        clock.advance(SigningKeysTesting.ROTATION_PERIOD.minusSeconds(1));
        instance.advance();
        assertEquals(1, instance.list().size());

        clock.advance(Duration.ofSeconds(1));
        instance.advance();
        instance.advance();
        List<SigningKeyView> keys = instance.list();
        assertEquals(2, keys.size(), "one successor, however many steps run while it waits");
        SigningKeyView successor = keys.stream().filter(k -> !k.kid().equals(first)).findFirst().orElseThrow();
        assertEquals(clock.instant().plus(DELAY), successor.signsFrom());
        assertTrue(instance.audit.entries().isEmpty(), "a scheduled rotation has no actor to audit");

        clock.advance(DELAY);
        instance.advance();
        assertEquals(successor.kid(), instance.signingKid());
        assertEquals(SigningKeyStatus.PASSIVE, instance.view(first).status());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void concurrentInstancesEndWithOneSigningKeyAndOneSuccessor(TestDatabase kind) throws Exception {
        open(kind);
        Instance a = new Instance(scope, clock);
        Instance b = new Instance(scope, clock);

        together(() -> {
            a.advance();
            return null;
        }, () -> {
            b.advance();
            return null;
        });
        assertTrue(a.list().size() <= 2, "at worst each racing instance made a first key");
        clock.advance(Duration.ofSeconds(1));
        b.advance();
        List<SigningKeyView> active = a.list().stream().filter(k -> k.status() == SigningKeyStatus.ACTIVE).toList();
        assertEquals(1, active.size(), "the newest key signs, any other retired");
        clock.advance(KeyRingBean.RELOAD);
        assertEquals(active.get(0).kid(), a.signingKid());
        assertEquals(active.get(0).kid(), b.signingKid());

        List<SigningKeyView> rotated = together(a::rotate, b::rotate);
        assertEquals(rotated.get(0).kid(), rotated.get(1).kid(), "the second waited for the first and joined it");
        assertEquals(1, a.list().stream().filter(k -> k.signsFrom().isAfter(clock.instant())).count());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aDisabledKeyVerifiesNothingOnAnyInstanceWithinASecondAndEveryTokenItSignedIsRevoked(TestDatabase kind) {
        open(kind);
        Instance instance = started();
        Instance other = started();
        String old = instance.signingKid();
        String next = instance.rotate().kid();
        clock.advance(DELAY);
        instance.advance();
        assertEquals(SigningKeyStatus.PASSIVE, instance.view(old).status());
        assertTrue(other.verifies(old), "a retired key verifies the tokens it signed");

        SigningKeyView disabled = instance.disable(old);

        assertEquals(SigningKeyStatus.DISABLED, disabled.status());
        assertFalse(instance.verifies(old), "at once on the instance that disabled it");
        assertTrue(instance.revoked(old), "and every token it signed is revoked, for the gateways");
        assertTrue(other.verifies(old), "another instance verifies from its snapshot until it asks again");
        clock.advance(KeyRingBean.RELOAD);
        assertFalse(other.verifies(old), "within a second everywhere");
        assertEquals(Set.of(next), other.publishedKids());
        assertEquals(next, other.signingKid(), "the key that signs is not touched");
        assertEquals(new RecordingAuditLog.Entry("SUCCESS", "admin", "signing-key.disable", "signing_key", old),
                instance.audit.entries().get(instance.audit.entries().size() - 1));
        assertEquals(SigningKeyStatus.DISABLED, instance.disable(old).status(), "disabling again changes nothing");
    }

    @Test
    void disablingTheSigningKeyHandsOverToTheKeyWaitingToSignAtOnce() {
        open(TestDatabase.H2);
        Instance instance = started();
        Instance other = started();
        String compromised = instance.signingKid();
        String waiting = instance.rotate().kid();
        clock.advance(Duration.ofMinutes(1));

        instance.disable(compromised);

        assertEquals(waiting, instance.signingKid(), "the waiting key signs now, not at its time");
        assertEquals(clock.instant(), instance.view(waiting).signsFrom());
        clock.advance(KeyRingBean.RELOAD);
        assertEquals(waiting, other.signingKid(), "on every instance within a second");
        assertEquals(Set.of(waiting), other.publishedKids());
        assertEquals(2, instance.list().size(), "no third key");
    }

    @Test
    void disablingTheOnlyKeyMakesANewOneThatSignsAtOnce() {
        open(TestDatabase.H2);
        Instance instance = started();
        String compromised = instance.signingKid();

        instance.disable(compromised);

        String replacement = instance.signingKid();
        assertFalse(replacement.equals(compromised));
        assertEquals(Set.of(replacement), instance.publishedKids());
        assertTrue(instance.revoked(compromised));
        instance.advance();
        assertEquals(replacement, instance.signingKid(), "the lifecycle step keeps it");
    }

    @Test
    void onlyAdministratorsSeeRotateOrDisableKeys() {
        open(TestDatabase.H2);
        Instance instance = started();
        String kid = instance.signingKid();
        Caller publisher = new Caller(UUID.randomUUID(), "publisher", Set.of(Role.PUBLISHER, Role.DEVELOPER));

        assertThrows(NotAdministrator.class, () -> scope.inTransaction(() -> instance.keys.list(publisher)));
        assertThrows(NotAdministrator.class, () -> scope.inTransaction(() -> instance.keys.rotate(publisher)));
        assertThrows(NotAdministrator.class,
                () -> scope.inTransaction(() -> instance.keys.disable(publisher, kid)));
        assertThrows(SigningKeyNotFound.class, () -> instance.disable("no-such-key"));
        assertEquals(kid, instance.signingKid());
        assertEquals(1, instance.list().size());
    }

    @Test
    void anInstanceWithAnotherKeyEncryptionKeyIsStoppedBeforeItReadsOrWritesAKey() {
        open(TestDatabase.H2);
        Instance right = started();
        byte[] otherKek = randomKek();
        Instance wrong = new Instance(scope, SigningKeysTesting.settings(SigningAlgorithm.RS256), otherKek, clock);
        clock.advance(SigningKeysTesting.ROTATION_PERIOD);

        IllegalStateException atStart = assertThrows(IllegalStateException.class, wrong::started);
        IllegalStateException signing = assertThrows(IllegalStateException.class, wrong::signingKid);

        for (IllegalStateException refused : List.of(atStart, signing)) {
            assertTrue(refused.getMessage().startsWith("GH-KEY-002"), refused.getMessage());
            assertTrue(refused.getMessage().contains(new KeyEncryption(otherKek).kekId()));
            assertTrue(refused.getMessage().contains(new KeyEncryption(KEK).kekId()));
        }
        assertEquals(1, right.list().size(), "no key the other instances cannot decrypt");
    }

    @Test
    void anAlteredOrSwappedPrivateKeyIsDetected() {
        open(TestDatabase.H2);
        Instance instance = started();
        String first = instance.signingKid();
        String second = instance.rotate().kid();
        String firstSealed = sealed(scope, first);
        String secondSealed = sealed(scope, second);

        setSealed(scope, first, secondSealed);
        setSealed(scope, second, firstSealed);
        IllegalStateException swapped = assertThrows(IllegalStateException.class,
                () -> new Instance(scope, clock).signingKid());
        assertTrue(swapped.getMessage().startsWith("GH-KEY-005"), swapped.getMessage());

        byte[] altered = Base64.getDecoder().decode(firstSealed);
        altered[20] ^= 1;
        setSealed(scope, first, Base64.getEncoder().encodeToString(altered));
        setSealed(scope, second, secondSealed);
        IllegalStateException tampered = assertThrows(IllegalStateException.class,
                () -> new Instance(scope, clock).signingKid());
        assertTrue(tampered.getMessage().startsWith("GH-KEY-003"), tampered.getMessage());
    }

    @Test
    void es256KeysAreP256AndAChangedAlgorithmTakesOverByRotation() throws Exception {
        open(TestDatabase.H2);
        Instance ec = new Instance(scope, SigningKeysTesting.settings(SigningAlgorithm.ES256), KEK, clock).started();

        JWK published = ec.published().getKeys().get(0);
        assertTrue(published instanceof ECKey);
        assertEquals(Curve.P_256, ((ECKey) published).getCurve());
        assertEquals(JWSAlgorithm.ES256, published.getAlgorithm());
        assertEquals(JWSAlgorithm.ES256, scope.inTransaction(() -> ec.keys.signer().algorithm()));

        clock.advance(Duration.ofSeconds(1));
        Instance rsa = started();
        List<SigningKeyView> keys = rsa.list();
        assertEquals(List.of("RS256", "ES256"), keys.stream().map(SigningKeyView::algorithm).toList());
        assertEquals(clock.instant().plus(DELAY), keys.get(0).signsFrom(), "published before it signs");
        clock.advance(DELAY);
        assertEquals(JWSAlgorithm.RS256, scope.inTransaction(() -> rsa.keys.signer().algorithm()));
        assertTrue(rsa.published().getKeys().stream().anyMatch(k -> k instanceof RSAKey));
    }

    @SafeVarargs
    private static <T> List<T> together(Callable<T>... work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(work.length);
        try {
            CyclicBarrier start = new CyclicBarrier(work.length);
            List<Future<T>> running = new ArrayList<>();
            for (Callable<T> each : work) {
                running.add(pool.submit(() -> {
                    start.await();
                    return each.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> each : running) {
                results.add(each.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<ChangeEntry> changes(ScopedEntityManager scope) {
        return scope.inTransaction(() -> scope.entityManager().createQuery(
                "SELECT c FROM ChangeEntry c WHERE c.entity = 'signing_key' ORDER BY c.id", ChangeEntry.class)
                .getResultList());
    }

    private static String sealed(ScopedEntityManager scope, String kid) {
        return scope.inTransaction(() -> scope.entityManager().createQuery(
                "SELECT k.privateKeyEncrypted FROM SigningKey k WHERE k.kid = :kid", String.class)
                .setParameter("kid", kid).getSingleResult());
    }

    private static void setSealed(ScopedEntityManager scope, String kid, String sealed) {
        scope.run(() -> scope.entityManager().createQuery(
                "UPDATE SigningKey k SET k.privateKeyEncrypted = :sealed WHERE k.kid = :kid")
                .setParameter("sealed", sealed).setParameter("kid", kid).executeUpdate());
    }
}
