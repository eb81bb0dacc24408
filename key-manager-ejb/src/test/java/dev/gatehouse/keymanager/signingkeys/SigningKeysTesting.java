package dev.gatehouse.keymanager.signingkeys;

import dev.gatehouse.keymanager.accounts.api.Caller;
import dev.gatehouse.keymanager.audit.AuditLog;
import dev.gatehouse.keymanager.changes.ChangeFeed;
import dev.gatehouse.keymanager.revocations.RevocationTesting;
import dev.gatehouse.keymanager.revocations.api.RevocationService;
import dev.gatehouse.keymanager.signingkeys.api.SigningKeyView;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The signing-key beans as the container builds them, for tests of this and other features. */
public final class SigningKeysTesting {

    public static final Duration ROTATION_PERIOD = Duration.ofDays(30);
    public static final Duration PUBLICATION_DELAY = Duration.ofMinutes(5);
    public static final Duration MAX_LIFETIME = Duration.ofHours(24);
    /** How soon an instance sees what another changed. */
    public static final Duration RELOAD = KeyRingBean.RELOAD;

    private SigningKeysTesting() {
    }

    /** The defaults, with the given algorithm. */
    public static KeySettings settings(SigningAlgorithm algorithm) {
        return new KeySettings(algorithm, ROTATION_PERIOD, PUBLICATION_DELAY, MAX_LIFETIME);
    }

    /** The two beans of one instance: the lifecycle, and the key ring it tells of its changes. */
    public record Wired(SigningKeysBean lifecycle, KeyRingBean ring) {

        public KeyRing.TokenSigner signer() {
            return ring.signer();
        }

        public Optional<KeyRing.TokenVerifier> verifier(String kid) {
            return ring.verifier(kid);
        }

        public String jwks() {
            return ring.jwks();
        }

        public SigningKeyView rotate(Caller administrator) {
            return lifecycle.rotate(administrator);
        }

        public SigningKeyView disable(Caller administrator, String kid) {
            return lifecycle.disable(administrator, kid);
        }

        public List<SigningKeyView> list(Caller administrator) {
            return lifecycle.list(administrator);
        }

        public RevocationService revocations() {
            return lifecycle.revocations;
        }
    }

    /** Beans wired but not started: {@link #advance} is the first lifecycle step, as at deployment. */
    public static Wired wire(EntityManager em, ChangeFeed changes, AuditLog audit, KeySettings settings, byte[] kek,
            Clock clock) {
        KeyRingBean ring = new KeyRingBean();
        ring.em = em;
        ring.encryption = new KeyEncryption(kek);
        ring.clock = clock;
        SigningKeysBean keys = new SigningKeysBean();
        keys.em = em;
        keys.changes = changes;
        keys.audit = audit;
        keys.revocations = RevocationTesting.wire(em, changes, audit, settings.tokenMaxLifetime(), clock);
        keys.ring = ring;
        keys.settings = settings;
        keys.encryption = ring.encryption;
        keys.clock = clock;
        return new Wired(keys, ring);
    }

    /** The lifecycle step that the start and the timer run. */
    public static void advance(Wired keys) {
        keys.lifecycle().advance();
    }

    /** How long a retired key stays published after its retirement. */
    public static Duration publishedAfterRetirement() {
        return MAX_LIFETIME.plus(SigningKeysBean.RETIREMENT_GRACE);
    }
}
