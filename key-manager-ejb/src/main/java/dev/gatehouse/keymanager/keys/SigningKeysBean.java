package dev.gatehouse.keymanager.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.gatehouse.keymanager.changes.ChangeFeed;
import dev.gatehouse.keymanager.keys.api.SigningKeyView;
import dev.gatehouse.keymanager.keys.api.SigningKeys;
import dev.gatehouse.keymanager.tokens.TokenSettings;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Keeps the signing keys' lifecycle (as keycloak's DefaultKeyManager: sign with the newest ACTIVE key, verify
 * with any non-DISABLED one) and caches them decrypted for this instance. Other instances follow through the
 * database: the cache is reloaded every {@link #RELOAD} and when a token names an unknown kid.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@LocalBean
@Lock(LockType.READ)
public class SigningKeysBean implements SigningKeys {

    private static final System.Logger LOG = System.getLogger(SigningKeysBean.class.getName());
    static final Duration RELOAD = Duration.ofSeconds(30);
    private static final Duration UNKNOWN_KID_RELOAD = Duration.ofSeconds(5);

    /** What this instance knows of the keys at one moment. */
    record Snapshot(JWK signer, Map<String, JWK> verifiers, String jwks, Instant loadedAt) {
    }

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @EJB
    ChangeFeed changes;

    TokenSettings settings;
    KeyEncryption encryption;

    private volatile Snapshot snapshot;

    @PostConstruct
    void start() {
        settings = TokenSettings.fromConfig();
        encryption = KeyEncryption.fromConfig();
        advance();
    }

    /** The private key that signs now. */
    public JWK signer() {
        return current().signer();
    }

    /** The public key with this kid, if it is published. */
    public Optional<JWK> verifier(String kid) {
        Snapshot known = current();
        JWK key = known.verifiers().get(kid);
        if (key == null && Duration.between(known.loadedAt(), Instant.now()).compareTo(UNKNOWN_KID_RELOAD) > 0) {
            key = reload().verifiers().get(kid);
        }
        return Optional.ofNullable(key);
    }

    @Override
    public String jwks() {
        return current().jwks();
    }

    @Override
    @Lock(LockType.WRITE)
    public SigningKeyView rotate() {
        SigningKey key = create(SigningKey.Status.PASSIVE, Instant.now().plus(settings.publicationDelay()));
        LOG.log(Level.INFO, "GH-KEY-010 New signing key {0} published; it signs from {1}", key.kid(), key.signsFrom());
        snapshot = load();
        return key.toView();
    }

    @Override
    public List<SigningKeyView> list() {
        return em.createNamedQuery("SigningKey.all", SigningKey.class).getResultList().stream()
                .map(SigningKey::toView).toList();
    }

    /**
     * One step of the lifecycle: a first key if there is none; a due key starts signing and the one before it
     * retires; retired keys are disabled once their last tokens have expired; a rotation when the signing key
     * has served its period.
     */
    @Schedule(hour = "*", minute = "*", persistent = false)
    @Lock(LockType.WRITE)
    public void advance() {
        Instant now = Instant.now();
        List<SigningKey> usable = usable();
        if (usable.isEmpty()) {
            SigningKey first = create(SigningKey.Status.ACTIVE, now);
            LOG.log(Level.INFO, "GH-KEY-011 Created the first signing key {0}", first.kid());
            usable = usable();
        }
        SigningKey signing = usable.stream().filter(k -> !k.signsFrom().isAfter(now) && k.retiredAt() == null)
                .findFirst().orElse(null);
        for (SigningKey key : usable) {
            if (key == signing && key.status() != SigningKey.Status.ACTIVE) {
                key.activate();
                changes.record("signing_key", key.kid(), "ACTIVE");
            } else if (key != signing && key.status() == SigningKey.Status.ACTIVE) {
                key.retire(now);
                changes.record("signing_key", key.kid(), "PASSIVE");
            } else if (key.retiredAt() != null && key.retiredAt().plus(settings.maxLifetime()).isBefore(now)) {
                key.disable();
                changes.record("signing_key", key.kid(), "DISABLED");
            }
        }
        boolean pending = usable.stream().anyMatch(k -> k.signsFrom().isAfter(now));
        if (signing != null && !pending && signing.signsFrom().plus(settings.rotationPeriod()).isBefore(now)) {
            rotate();
        }
        em.flush();
        snapshot = load();
    }

    private Snapshot current() {
        Snapshot known = snapshot;
        if (known == null || Duration.between(known.loadedAt(), Instant.now()).compareTo(RELOAD) > 0) {
            return reload();
        }
        return known;
    }

    private Snapshot reload() {
        Snapshot fresh = load();
        snapshot = fresh;
        return fresh;
    }

    private Snapshot load() {
        Instant now = Instant.now();
        JWK signer = null;
        Map<String, JWK> verifiers = new LinkedHashMap<>();
        for (SigningKey key : usable()) {
            JWK publicKey = parse(key.publicJwk());
            verifiers.put(key.kid(), publicKey);
            if (signer == null && key.status() == SigningKey.Status.ACTIVE && !key.signsFrom().isAfter(now)) {
                signer = parse(new String(encryption.decrypt(key.privateKeyEncrypted(), key.kekId()),
                        StandardCharsets.UTF_8));
            }
        }
        if (signer == null) {
            throw new IllegalStateException("GH-KEY-004 No active signing key; the key lifecycle step has not run.");
        }
        String jwks = new JWKSet(List.copyOf(verifiers.values())).toString(true);
        return new Snapshot(signer, Map.copyOf(verifiers), jwks, now);
    }

    private List<SigningKey> usable() {
        return em.createNamedQuery("SigningKey.usable", SigningKey.class).getResultList();
    }

    private SigningKey create(SigningKey.Status status, Instant signsFrom) {
        JWK key = generate(settings.algorithm());
        SigningKey entity = new SigningKey(key.getKeyID(), settings.algorithm(), key.toPublicJWK().toJSONString(),
                encryption.encrypt(key.toJSONString().getBytes(StandardCharsets.UTF_8)), encryption.kekId(),
                status, signsFrom);
        em.persist(entity);
        em.flush();
        changes.record("signing_key", entity.kid(), status.name());
        return entity;
    }

    static JWK generate(String algorithm) {
        String kid = UUID.randomUUID().toString();
        try {
            return algorithm.equals("ES256")
                    ? new ECKeyGenerator(Curve.P_256).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256).generate()
                    : new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not generate a " + algorithm + " key", e);
        }
    }

    private static JWK parse(String json) {
        try {
            return JWK.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("GH-KEY-005 A stored signing key is not a valid JWK", e);
        }
    }
}
