package dev.gatehouse.keymanager.keys;

import dev.gatehouse.keymanager.audit.AuditLog;
import dev.gatehouse.keymanager.changes.ChangeFeed;
import dev.gatehouse.keymanager.revocations.RevocationTesting;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;

/** SigningKeysBean as the container builds it, for tests of this and other features. */
public final class SigningKeysTesting {

    public static final Duration ROTATION_PERIOD = Duration.ofDays(30);
    public static final Duration PUBLICATION_DELAY = Duration.ofMinutes(5);
    public static final Duration MAX_LIFETIME = Duration.ofHours(24);
    /** How soon an instance sees what another changed. */
    public static final Duration RELOAD = SigningKeysBean.RELOAD;

    private SigningKeysTesting() {
    }

    /** The defaults, with the given algorithm. */
    public static KeySettings settings(SigningAlgorithm algorithm) {
        return new KeySettings(algorithm, ROTATION_PERIOD, PUBLICATION_DELAY, MAX_LIFETIME);
    }

    /** A bean wired but not started: {@link #advance} is its first lifecycle step, as at deployment. */
    public static SigningKeysBean wire(EntityManager em, ChangeFeed changes, AuditLog audit, KeySettings settings,
            byte[] kek, Clock clock) {
        SigningKeysBean keys = new SigningKeysBean();
        keys.em = em;
        keys.changes = changes;
        keys.audit = audit;
        keys.revocations = RevocationTesting.wire(em, changes, audit, settings.tokenMaxLifetime(), clock);
        keys.settings = settings;
        keys.encryption = new KeyEncryption(kek);
        keys.clock = clock;
        return keys;
    }

    /** The lifecycle step that the start and the timer run. */
    public static void advance(SigningKeysBean keys) {
        keys.advance();
    }

    /** How long a retired key stays published after its retirement. */
    public static Duration publishedAfterRetirement() {
        return MAX_LIFETIME.plus(SigningKeysBean.RETIREMENT_GRACE);
    }
}
