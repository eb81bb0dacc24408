package dev.gatehouse.keymanager.signingkeys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import dev.gatehouse.keymanager.signingkeys.api.PublishedKeys;
import dev.gatehouse.keymanager.signingkeys.api.SigningKeyStatus;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Local;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
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
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The read side of the signing keys: all that matters is in the database, shared by every instance (two WARs in one
 * Payara Micro, many nodes). Each instance keeps a snapshot of the keys and asks every {@link #RELOAD} whether they
 * changed (one small query; the keys are read and decrypted again only when they did), so a key disabled or promoted
 * on one node counts on every node within a second. {@link SigningKeysBean} changes them.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN) // the only state is an immutable snapshot, swapped whole
@Local({KeyRing.class, PublishedKeys.class})
public class KeyRingBean implements KeyRing {

    /**
     * How long an instance signs and verifies from its snapshot before it asks whether the keys changed: a disabled
     * key must stop signing everywhere at once.
     */
    static final Duration RELOAD = Duration.ofSeconds(1);
    /** A token naming a kid this instance does not know causes at most one extra read per this interval. */
    static final Duration UNKNOWN_KID_RELOAD = Duration.ofSeconds(5);

    private static final System.Logger LOG = System.getLogger(KeyRingBean.class.getName());

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

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

    @PostConstruct
    void start() {
        encryption = KeyEncryption.from(ConfigProvider.getConfig(KeyRingBean.class.getClassLoader()));
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

    /** The snapshot stays in hand in case the database cannot be read at the next use. */
    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void readAgain() {
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
        for (SigningKey key : em.createNamedQuery("SigningKey.inUse", SigningKey.class)
                .setParameter("disabled", SigningKeyStatus.DISABLED).getResultList()) {
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
