package dev.gatehouse.keymanager.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import dev.gatehouse.keymanager.accounts.api.Caller;
import dev.gatehouse.keymanager.accounts.api.Role;
import dev.gatehouse.keymanager.audit.AuditLog;
import dev.gatehouse.keymanager.audit.api.NotAdministrator;
import dev.gatehouse.keymanager.changes.ChangeFeed;
import dev.gatehouse.keymanager.keys.api.SigningKeyNotFound;
import dev.gatehouse.keymanager.keys.api.SigningKeyStatus;
import dev.gatehouse.keymanager.keys.api.SigningKeyView;
import dev.gatehouse.keymanager.keys.api.SigningKeys;
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
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The signing keys' lifecycle, as keycloak's DefaultKeyManager: sign with the newest ACTIVE key whose signs_from has
 * passed, verify with any key not DISABLED, publish the same. A rotation publishes a new ACTIVE key that signs only
 * after {@code publication-delay}, so verifiers have it before they meet its tokens; once it signs, the previous key
 * turns PASSIVE and stays published until every token it signed has expired, then is DISABLED.
 *
 * <p>All that matters is in the database, shared by every instance (two WARs in one Payara Micro, many nodes). Each
 * instance keeps a snapshot of the keys and asks every {@link #RELOAD} whether they changed (one small query; the
 * keys are read and decrypted again only when they did), so a key disabled or promoted on one node counts on every
 * node within a second. The lifecycle step runs on every instance each minute; a row lock on the keys makes
 * concurrent steps take turns.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN) // the only state is an immutable snapshot, swapped whole
@Local({SigningKeys.class, TokenKeys.class})
public class SigningKeysBean implements SigningKeys, TokenKeys {

    /**
     * How long an instance signs and verifies from its snapshot before it asks whether the keys changed: a disabled
     * key must stop signing everywhere at once.
     */
    static final Duration RELOAD = Duration.ofSeconds(1);
    /** A token naming a kid this instance does not know causes at most one extra read per this interval. */
    static final Duration UNKNOWN_KID_RELOAD = Duration.ofSeconds(5);
    /**
     * A retired key stays published this much beyond the lifetime of its last token: another instance may sign with
     * it until its next reload, and clocks differ between nodes.
     */
    static final Duration RETIREMENT_GRACE = RELOAD.plus(Duration.ofMinutes(1));

    private static final System.Logger LOG = System.getLogger(SigningKeysBean.class.getName());
    private static final String FEED_ENTITY = "signing_key";

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @EJB
    ChangeFeed changes;

    @EJB
    AuditLog audit;

    @EJB
    RevocationService revocations;

    KeySettings settings;
    KeyEncryption encryption;
    Clock clock = Clock.systemUTC();

    private volatile Snapshot snapshot;
    private volatile boolean unreadable;
    private final ReentrantLock reloading = new ReentrantLock();

    /**
     * What this instance knows of the keys, as of {@code loadedAt}. Signers are newest first; {@code state} lists each
     * key in use with its status and signs-from time, to tell whether anything changed since.
     */
    private record Snapshot(List<Signing> signers, Map<String, TokenVerifier> verifiers, String jwks, String state,
            Instant loadedAt) {

        Optional<TokenSigner> signerAt(Instant now) {
            return signers.stream().filter(s -> !s.signsFrom().isAfter(now)).map(Signing::signer).findFirst();
        }

        Snapshot asOf(Instant when) {
            return new Snapshot(signers, verifiers, jwks, state, when);
        }
    }

    private record Signing(Instant signsFrom, TokenSigner signer) {
    }

    /** Reads the configuration, fails the deployment on a wrong key-encryption key, and makes a first key. */
    @PostConstruct
    void start() {
        Config config = ConfigProvider.getConfig(SigningKeysBean.class.getClassLoader());
        settings = KeySettings.from(config);
        encryption = KeyEncryption.from(config);
        advance();
        current(clock.instant());
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public String jwks() {
        return current(clock.instant()).jwks();
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public TokenSigner signer() {
        Instant now = clock.instant();
        return current(now).signerAt(now)
                .or(() -> reloadOrKeep(now).signerAt(now))
                .orElseThrow(() -> new IllegalStateException(
                        "GH-KEY-004 No signing key is ACTIVE; the key lifecycle step has not run yet."));
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<TokenVerifier> verifier(String kid) {
        if (kid == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Snapshot known = current(now);
        TokenVerifier verifier = known.verifiers().get(kid);
        if (verifier == null && Duration.between(known.loadedAt(), now).compareTo(UNKNOWN_KID_RELOAD) >= 0) {
            verifier = reloadOrKeep(now).verifiers().get(kid);
        }
        return Optional.ofNullable(verifier);
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
        audit.success(actor, "signing-key.rotate", FEED_ENTITY, next.kid(), "signs from " + next.signsFrom());
        readAgain();
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
        changes.record(FEED_ENTITY, kid, SigningKeyStatus.DISABLED.name());
        // every token it can have signed: up to now, or until another instance hears of it
        revocations.revokeKeyTokens(kid, now.plus(settings.tokenMaxLifetime()).plus(RETIREMENT_GRACE));
        String detail = null;
        if (signing) {
            SigningKey successor = keys.stream().filter(k -> k.waitingAt(now)).findFirst().orElse(null);
            if (successor != null) {
                successor.signFrom(now);
                changes.record(FEED_ENTITY, successor.kid(), SigningKeyStatus.ACTIVE.name());
            } else {
                successor = create(now, null);
            }
            detail = successor.kid() + " signs from now";
        }
        LOG.log(Level.WARNING, "GH-KEY-016 Signing key {0} disabled by {1}: every token it signed is refused{2}",
                kid, actor, detail == null ? "" : "; " + detail);
        audit.success(actor, "signing-key.disable", FEED_ENTITY, kid, detail);
        readAgain();
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
        readAgain();
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
                changes.record(FEED_ENTITY, key.kid(), SigningKeyStatus.PASSIVE.name());
                LOG.log(Level.INFO, "GH-KEY-012 Signing key {0} retired: {1} signs now; {0} stays published until {2}",
                        key.kid(), signing.kid(), now.plus(published));
            } else if (key.status() == SigningKeyStatus.PASSIVE && key.retiredAt() == null) {
                // every PASSIVE key needs a retirement time, or it would stay published for ever
                key.retire(now);
            } else if (key.expiredAt(now, published)) {
                key.disable();
                changes.record(FEED_ENTITY, key.kid(), SigningKeyStatus.DISABLED.name());
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
        changes.record(FEED_ENTITY, entity.kid(), SigningKeyStatus.ACTIVE.name());
        return entity;
    }

    /** The next use reads the keys again; the snapshot stays in hand in case the database cannot be read then. */
    private void readAgain() {
        Snapshot known = snapshot;
        if (known != null) {
            snapshot = new Snapshot(known.signers(), known.verifiers(), known.jwks(), "", Instant.EPOCH);
        }
    }

    private Snapshot current(Instant now) {
        Snapshot known = snapshot;
        if (known == null || Duration.between(known.loadedAt(), now).compareTo(RELOAD) >= 0) {
            return reloadOrKeep(now);
        }
        return known;
    }

    /**
     * The keys read again, or, while the database cannot be read, the snapshot in hand, tried again after
     * {@link #UNKNOWN_KID_RELOAD}: keys change rarely and a new one is published minutes before it signs, so
     * tokens go on being signed and verified through a database restart.
     */
    private Snapshot reloadOrKeep(Instant now) {
        Snapshot known = snapshot;
        if (known != null && !reloading.tryLock()) {
            // another request is reading the keys: this one goes on with those in hand rather than wait
            return known;
        }
        if (known == null) {
            reloading.lock();
        }
        try {
            Snapshot fresh = reload(now);
            if (unreadable) {
                LOG.log(Level.INFO, "GH-KEY-015 The signing keys can be read again");
                unreadable = false;
            }
            return fresh;
        } catch (RuntimeException failure) {
            if (known == null) {
                throw failure;
            }
            if (!unreadable) {
                LOG.log(Level.WARNING, "GH-KEY-014 The signing keys cannot be read; signing and verifying with the"
                        + " keys read at {0} until they can: {1}", known.loadedAt(), failure.toString());
                unreadable = true;
            }
            Snapshot kept = known.asOf(now.minus(RELOAD).plus(UNKNOWN_KID_RELOAD));
            snapshot = kept;
            return kept;
        } finally {
            reloading.unlock();
        }
    }

    /** The keys as they are now; read and decrypted again only if their state changed. */
    private Snapshot reload(Instant now) {
        Snapshot known = snapshot;
        String state = em.createNamedQuery("SigningKey.states", Object[].class)
                .setParameter("disabled", SigningKeyStatus.DISABLED)
                .getResultStream().map(row -> row[0] + " " + row[1] + " " + row[2])
                .collect(Collectors.joining(","));
        Snapshot fresh = known != null && known.state().equals(state) ? known.asOf(now) : load(state, now);
        snapshot = fresh;
        return fresh;
    }

    /** Only ACTIVE keys are decrypted: a retired key verifies with its public half. */
    private Snapshot load(String state, Instant now) {
        List<Signing> signers = new ArrayList<>();
        Map<String, TokenVerifier> verifiers = new HashMap<>();
        List<JWK> published = new ArrayList<>();
        for (SigningKey key : keysInUse()) {
            JWK publicKey = parse(key.publicJwk(), key.kid());
            SigningAlgorithm algorithm = key.algorithm();
            try {
                published.add(publicKey);
                verifiers.put(key.kid(), new TokenVerifier(key.kid(), algorithm.jws(), algorithm.verifier(publicKey)));
                if (key.status() == SigningKeyStatus.ACTIVE) {
                    JWK privateKey = parse(new String(encryption.decrypt(key.privateKeyEncrypted(), key.kekId()),
                            StandardCharsets.UTF_8), key.kid());
                    if (!privateKey.toPublicJWK().equals(publicKey)) {
                        throw new IllegalStateException("GH-KEY-005 The private key of signing key " + key.kid()
                                + " does not belong to its public key.");
                    }
                    signers.add(new Signing(key.signsFrom(),
                            new TokenSigner(key.kid(), algorithm.jws(), algorithm.signer(privateKey))));
                }
            } catch (JOSEException e) {
                throw new IllegalStateException("GH-KEY-005 Signing key " + key.kid() + " is not a usable "
                        + algorithm + " key.");
            }
        }
        return new Snapshot(List.copyOf(signers), Map.copyOf(verifiers), new JWKSet(published).toString(true), state,
                now);
    }

    private static JWK parse(String json, String kid) {
        try {
            return JWK.parse(json);
        } catch (ParseException e) {
            // no cause: its message may quote the key
            throw new IllegalStateException("GH-KEY-005 Signing key " + kid + " is not stored as a valid JWK.");
        }
    }
}
