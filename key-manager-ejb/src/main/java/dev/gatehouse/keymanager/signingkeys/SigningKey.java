package dev.gatehouse.keymanager.signingkeys;

import dev.gatehouse.keymanager.signingkeys.api.SigningKeyStatus;
import dev.gatehouse.keymanager.signingkeys.api.SigningKeyView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A token signing key: its public JWK in clear, its private JWK encrypted under the key-encryption key. Keys in use
 * are ordered newest first by signs_from, then created_at, then kid, so that every instance agrees which one signs.
 */
@Entity
@Table(name = "signing_keys")
@NamedQuery(name = "SigningKey.inUse", query = "SELECT k FROM SigningKey k WHERE k.status <> :disabled"
        + " ORDER BY k.signsFrom DESC, k.createdAt DESC, k.kid DESC")
@NamedQuery(name = "SigningKey.all", query = "SELECT k FROM SigningKey k ORDER BY k.createdAt DESC, k.kid DESC")
@NamedQuery(name = "SigningKey.byKid", query = "SELECT k FROM SigningKey k WHERE k.kid = :kid")
@NamedQuery(name = "SigningKey.states", query = "SELECT k.kid, k.status, k.signsFrom FROM SigningKey k"
        + " WHERE k.status <> :disabled ORDER BY k.signsFrom DESC, k.createdAt DESC, k.kid DESC")
public class SigningKey {

    @Id
    private UUID id;

    @Column(nullable = false, length = 64)
    private String kid;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private SigningAlgorithm algorithm;

    @Column(name = "public_jwk", nullable = false, length = 4000)
    private String publicJwk;

    @Column(name = "private_key_encrypted", nullable = false)
    private String privateKeyEncrypted;

    @Column(name = "kek_id", nullable = false, length = 64)
    private String kekId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private SigningKeyStatus status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "signs_from", nullable = false)
    private Instant signsFrom;

    @Column(name = "retired_at")
    private Instant retiredAt;

    @Version
    @Column(name = "row_version")
    private long rowVersion;

    protected SigningKey() {
    }

    /** A new ACTIVE key; it signs from {@code signsFrom}, and is published from now. */
    SigningKey(String kid, SigningAlgorithm algorithm, String publicJwk, String privateKeyEncrypted, String kekId,
            Instant createdAt, Instant signsFrom) {
        this.id = UUID.randomUUID();
        this.kid = kid;
        this.algorithm = algorithm;
        this.publicJwk = publicJwk;
        this.privateKeyEncrypted = privateKeyEncrypted;
        this.kekId = kekId;
        this.status = SigningKeyStatus.ACTIVE;
        this.createdAt = createdAt;
        this.signsFrom = signsFrom;
    }

    String kid() {
        return kid;
    }

    SigningAlgorithm algorithm() {
        return algorithm;
    }

    String publicJwk() {
        return publicJwk;
    }

    String privateKeyEncrypted() {
        return privateKeyEncrypted;
    }

    String kekId() {
        return kekId;
    }

    SigningKeyStatus status() {
        return status;
    }

    Instant signsFrom() {
        return signsFrom;
    }

    Instant retiredAt() {
        return retiredAt;
    }

    /** ACTIVE and its time has come: it signs, unless a newer such key does. */
    boolean maySignAt(Instant now) {
        return status == SigningKeyStatus.ACTIVE && !signsFrom.isAfter(now);
    }

    /** ACTIVE, published, and waiting for its time to sign. */
    boolean waitingAt(Instant now) {
        return status == SigningKeyStatus.ACTIVE && signsFrom.isAfter(now);
    }

    /** PASSIVE long enough that every token it signed has expired. */
    boolean expiredAt(Instant now, Duration publishedAfterRetirement) {
        return status == SigningKeyStatus.PASSIVE && retiredAt != null
                && !retiredAt.plus(publishedAfterRetirement).isAfter(now);
    }

    /** A newer key signs: this one only verifies what it signed until then. */
    void retire(Instant now) {
        status = SigningKeyStatus.PASSIVE;
        retiredAt = now;
    }

    void disable() {
        status = SigningKeyStatus.DISABLED;
    }

    /** A waiting key takes over from a disabled one before its time. */
    void signFrom(Instant now) {
        signsFrom = now;
    }

    SigningKeyView toView() {
        return new SigningKeyView(kid, algorithm.name(), status, createdAt, signsFrom, retiredAt);
    }
}
