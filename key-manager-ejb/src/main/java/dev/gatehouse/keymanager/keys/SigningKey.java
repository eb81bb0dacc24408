package dev.gatehouse.keymanager.keys;

import dev.gatehouse.keymanager.keys.api.SigningKeyView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A token signing key. ACTIVE keys sign (the newest whose signs_from has passed) and verify; PASSIVE keys verify
 * tokens they signed earlier, or wait to sign; DISABLED keys do nothing.
 */
@Entity
@Table(name = "signing_keys")
@NamedQuery(name = "SigningKey.usable",
        query = "SELECT k FROM SigningKey k WHERE k.status <> dev.gatehouse.keymanager.keys.SigningKey.Status.DISABLED ORDER BY k.signsFrom DESC")
@NamedQuery(name = "SigningKey.all", query = "SELECT k FROM SigningKey k ORDER BY k.createdAt DESC")
public class SigningKey {

    public enum Status { ACTIVE, PASSIVE, DISABLED }

    @Id
    private UUID id;

    @Column(nullable = false, length = 64)
    private String kid;

    @Column(nullable = false, length = 8)
    private String algorithm;

    @Column(name = "public_jwk", nullable = false, length = 4000)
    private String publicJwk;

    @Column(name = "private_key_encrypted", nullable = false)
    private String privateKeyEncrypted;

    @Column(name = "kek_id", nullable = false, length = 64)
    private String kekId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

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

    SigningKey(String kid, String algorithm, String publicJwk, String privateKeyEncrypted, String kekId,
            Status status, Instant signsFrom) {
        this.id = UUID.randomUUID();
        this.kid = kid;
        this.algorithm = algorithm;
        this.publicJwk = publicJwk;
        this.privateKeyEncrypted = privateKeyEncrypted;
        this.kekId = kekId;
        this.status = status;
        this.createdAt = Instant.now();
        this.signsFrom = signsFrom;
    }

    String kid() {
        return kid;
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

    Status status() {
        return status;
    }

    Instant signsFrom() {
        return signsFrom;
    }

    Instant retiredAt() {
        return retiredAt;
    }

    Instant createdAt() {
        return createdAt;
    }

    void activate() {
        status = Status.ACTIVE;
    }

    void retire(Instant now) {
        status = Status.PASSIVE;
        retiredAt = now;
    }

    void disable() {
        status = Status.DISABLED;
    }

    SigningKeyView toView() {
        return new SigningKeyView(kid, algorithm, status.name(), createdAt, signsFrom, retiredAt);
    }
}
