package dev.gatehouse.keymanager.signingkeys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import dev.gatehouse.keymanager.accounts.api.Caller;
import dev.gatehouse.keymanager.accounts.api.Role;
import dev.gatehouse.keymanager.audit.AuditLog;
import dev.gatehouse.keymanager.audit.api.NotAdministrator;
import dev.gatehouse.keymanager.changes.ChangeFeed;
import dev.gatehouse.keymanager.changes.api.ChangedEntity;
import dev.gatehouse.keymanager.signingkeys.api.SigningKeyNotFound;
import dev.gatehouse.keymanager.signingkeys.api.SigningKeyStatus;
import dev.gatehouse.keymanager.signingkeys.api.SigningKeyView;
import dev.gatehouse.keymanager.signingkeys.api.SigningKeys;
import dev.gatehouse.keymanager.revocations.api.RevocationService;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The signing keys' lifecycle, as keycloak's DefaultKeyManager: sign with the newest ACTIVE key whose signs_from has
 * passed, verify with any key not DISABLED, publish the same. A rotation publishes a new ACTIVE key that signs only
 * after {@code publication-delay}, so verifiers have it before they meet its tokens; once it signs, the previous key
 * turns PASSIVE and stays published until every token it signed has expired, then is DISABLED.
 *
 * <p>The lifecycle step runs on every instance each minute; a row lock on the keys makes concurrent steps take
 * turns. What each instance signs and verifies with is its {@link KeyRing}, which this bean tells when it changed
 * the keys.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN) // no state of its own: concurrent steps take turns on a row lock
@Local(SigningKeys.class)
public class SigningKeysBean implements SigningKeys {

    /**
     * A retired key stays published this much beyond the lifetime of its last token: another instance may sign with
     * it until its next reload, and clocks differ between nodes.
     */
    static final Duration RETIREMENT_GRACE = KeyRingBean.RELOAD.plus(Duration.ofMinutes(1));

    private static final System.Logger LOG = System.getLogger(SigningKeysBean.class.getName());

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @EJB
    ChangeFeed changes;

    @EJB
    AuditLog audit;

    @EJB
    RevocationService revocations;

    @EJB
    KeyRing ring;

    KeySettings settings;
    KeyEncryption encryption;
    Clock clock = Clock.systemUTC();

    /** Reads the configuration, fails the deployment on a wrong key-encryption key, and makes a first key. */
    @PostConstruct
    void start() {
        Config config = ConfigProvider.getConfig(SigningKeysBean.class.getClassLoader());
        settings = KeySettings.from(config);
        encryption = KeyEncryption.from(config);
        advance();
        ring.jwks(); // reads and decrypts the keys: a wrong key-encryption key fails the deployment here
    }

    @Override
    public SigningKeyView rotate(Caller administrator) {
        String actor = requireAdministrator(administrator);
        Instant now = clock.instant();
        JWK prepared = generate();
        Optional<SigningKey> waiting = lockKeysInUse().stream().filter(k -> k.waitingAt(now)).findFirst();
        if (waiting.isPresent()) {
            return waiting.get().toView();
        }
        SigningKey next = create(now.plus(settings.publicationDelay()), prepared);
        LOG.log(Level.INFO, "GH-KEY-010 Published signing key {0} ({1}) on request of {2}; it signs from {3}",
                next.kid(), next.algorithm(), actor, next.signsFrom());
        audit.success(actor, "signing-key.rotate", "signing_key", next.kid(),
                "signs from " + next.signsFrom());
        ring.readAgain();
        return next.toView();
    }

    @Override
    public SigningKeyView disable(Caller administrator, String kid) {
        String actor = requireAdministrator(administrator);
        Instant now = clock.instant();
        List<SigningKey> keys = lockKeysInUse();
        Optional<SigningKey> found = keys.stream().filter(k -> k.kid().equals(kid)).findFirst();
        if (found.isEmpty()) {
            // already disabled (by expiry or before), or no such key
            return em.createNamedQuery("SigningKey.byKid", SigningKey.class).setParameter("kid", kid)
                    .getResultStream().findFirst().map(SigningKey::toView)
                    .orElseThrow(() -> new SigningKeyNotFound(kid));
        }
        SigningKey key = found.get();
        boolean signing = keys.stream().filter(k -> k.maySignAt(now)).findFirst().filter(key::equals).isPresent();
        key.disable();
        changes.record(ChangedEntity.SIGNING_KEY, kid, SigningKeyStatus.DISABLED.name());
        // every token it can have signed: up to now, or until another instance hears of it
        revocations.revokeKeyTokens(kid, now.plus(settings.tokenMaxLifetime()).plus(RETIREMENT_GRACE));
        String detail = null;
        if (signing) {
            SigningKey successor = keys.stream().filter(k -> k.waitingAt(now)).findFirst().orElse(null);
            if (successor != null) {
                successor.signFrom(now);
                changes.record(ChangedEntity.SIGNING_KEY, successor.kid(), SigningKeyStatus.ACTIVE.name());
            } else {
                successor = create(now, null);
            }
            detail = successor.kid() + " signs from now";
        }
        LOG.log(Level.WARNING, "GH-KEY-016 Signing key {0} disabled by {1}: every token it signed is refused{2}",
                kid, actor, detail == null ? "" : "; " + detail);
        audit.success(actor, "signing-key.disable", "signing_key", kid, detail);
        ring.readAgain();
        return key.toView();
    }

    @Override
    public List<SigningKeyView> list(Caller administrator) {
        requireAdministrator(administrator);
        return em.createNamedQuery("SigningKey.all", SigningKey.class).getResultStream()
                .map(SigningKey::toView).toList();
    }

    private static String requireAdministrator(Caller caller) {
        if (!caller.has(Role.ADMIN)) {
            throw new NotAdministrator();
        }
        return caller.username();
    }

    /**
     * One step of the lifecycle, each minute on every instance: a first key if none signs; keys superseded by a
     * newer signing key retire; retired keys whose last tokens have expired are disabled; a new key is published
     * when the signing one has served its period (or the configured algorithm changed).
     */
    @Schedule(hour = "*", minute = "*", second = "20", persistent = false)
    void advance() {
        Instant now = clock.instant();
        // generating a key takes a while: done before taking the lock, and only when one will probably be needed
        JWK prepared = keyNeeded(keysInUse(), now) ? generate() : null;
        List<SigningKey> keys = lockKeysInUse();
        Optional<SigningKey> signing = keys.stream().filter(k -> k.maySignAt(now)).findFirst();
        if (signing.isEmpty()) {
            SigningKey first = create(now, prepared);
            LOG.log(Level.INFO, "GH-KEY-011 Created signing key {0} ({1}); it signs from now", first.kid(),
                    first.algorithm());
        } else {
            retireAndDisable(keys, signing.get(), now);
            if (rotationDue(keys, signing.get(), now)) {
                SigningKey next = create(now.plus(settings.publicationDelay()), prepared);
                LOG.log(Level.INFO, "GH-KEY-010 Published signing key {0} ({1}) to replace {2}; it signs from {3}",
                        next.kid(), next.algorithm(), signing.get().kid(), next.signsFrom());
            }
        }
        // read again on next use: what this transaction wrote counts once it is committed
        ring.readAgain();
    }

    private boolean keyNeeded(List<SigningKey> keys, Instant now) {
        Optional<SigningKey> signing = keys.stream().filter(k -> k.maySignAt(now)).findFirst();
        return signing.isEmpty() || rotationDue(keys, signing.get(), now);
    }

    /** The signing key has served its period, or the configured algorithm changed, and no successor is waiting. */
    private boolean rotationDue(List<SigningKey> keys, SigningKey signing, Instant now) {
        return keys.stream().noneMatch(k -> k.waitingAt(now))
                && (!signing.signsFrom().plus(settings.rotationPeriod()).isAfter(now)
                        || signing.algorithm() != settings.algorithm());
    }

    private void retireAndDisable(List<SigningKey> keys, SigningKey signing, Instant now) {
        Duration published = settings.tokenMaxLifetime().plus(RETIREMENT_GRACE);
        for (SigningKey key : keys) {
            if (key != signing && key.maySignAt(now)) {
                // superseded by a newer key (or, after two instances raced to make the first key, by the other one)
                key.retire(now);
                changes.record(ChangedEntity.SIGNING_KEY, key.kid(), SigningKeyStatus.PASSIVE.name());
                LOG.log(Level.INFO, "GH-KEY-012 Signing key {0} retired: {1} signs now; {0} stays published until {2}",
                        key.kid(), signing.kid(), now.plus(published));
            } else if (key.status() == SigningKeyStatus.PASSIVE && key.retiredAt() == null) {
                // every PASSIVE key needs a retirement time, or it would stay published for ever
                key.retire(now);
            } else if (key.expiredAt(now, published)) {
                key.disable();
                changes.record(ChangedEntity.SIGNING_KEY, key.kid(), SigningKeyStatus.DISABLED.name());
                LOG.log(Level.INFO, "GH-KEY-013 Signing key {0} disabled: every token it signed has expired",
                        key.kid());
            }
        }
    }

    /**
     * Locks the keys in use, so that the lifecycle steps of concurrent instances take turns, then reads them with a
     * fresh statement: one that waited sees the keys the other created. With no key yet there is nothing to lock;
     * instances racing at their first start may each create one, and the next step retires all but the newest.
     */
    private List<SigningKey> lockKeysInUse() {
        em.createNamedQuery("SigningKey.inUse", SigningKey.class)
                .setParameter("disabled", SigningKeyStatus.DISABLED)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        List<SigningKey> keys = keysInUse();
        // an instance with another KEK must not add a key the others cannot decrypt
        keys.stream().filter(k -> k.status() == SigningKeyStatus.ACTIVE)
                .forEach(k -> encryption.requireSameKek(k.kekId()));
        return keys;
    }

    private List<SigningKey> keysInUse() {
        return em.createNamedQuery("SigningKey.inUse", SigningKey.class)
                .setParameter("disabled", SigningKeyStatus.DISABLED)
                .getResultList();
    }

    private JWK generate() {
        try {
            return settings.algorithm().generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not generate a " + settings.algorithm() + " key", e);
        }
    }

    /** A new ACTIVE key from the prepared key material (or fresh material, if none was prepared). */
    private SigningKey create(Instant signsFrom, JWK prepared) {
        JWK key = prepared != null ? prepared : generate();
        SigningKey entity = new SigningKey(key.getKeyID(), settings.algorithm(), key.toPublicJWK().toJSONString(),
                encryption.encrypt(key.toJSONString().getBytes(StandardCharsets.UTF_8)), encryption.kekId(),
                clock.instant(), signsFrom);
        em.persist(entity);
        changes.record(ChangedEntity.SIGNING_KEY, entity.kid(), SigningKeyStatus.ACTIVE.name());
        return entity;
    }
}
