package dev.gatehouse.keymanager.revocations;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One revocation: a token by its jti, a cut-off (every token of a client, or obtained with a secret, issued before
 * {@code issuedBefore}), or every token signed with a key (a disabled key; {@code issuedBefore} is then its
 * {@code expiresAt}). Kept until {@code expiresAt}, when every token it covers has expired anyway.
 */
@Entity
@Table(name = "revocations")
@NamedQuery(name = "Revocation.of", query = "SELECT r FROM Revocation r WHERE r.kind = :kind AND r.subject = :subject")
@NamedQuery(name = "Revocation.covering", query = "SELECT r FROM Revocation r"
        + " WHERE (r.kind = :token AND r.subject = :jti)"
        + " OR (r.kind = :client AND r.subject = :clientId)"
        + " OR (r.kind = :secret AND r.subject = :secretId)"
        + " OR (r.kind = :key AND r.subject = :kid)")
@NamedQuery(name = "Revocation.inForce", query = "SELECT r FROM Revocation r WHERE r.expiresAt >= :now")
@NamedQuery(name = "Revocation.purge", query = "DELETE FROM Revocation r WHERE r.expiresAt < :before")
public class Revocation {

    public enum Kind { TOKEN, CLIENT, SECRET, KEY }

    @Id
    @SequenceGenerator(name = "revocations_seq", sequenceName = "revocations_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "revocations_seq")
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private Kind kind;

    @Column(nullable = false, length = 64)
    private String subject;

    @Column(name = "issued_before")
    private Instant issuedBefore;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Revocation() {
    }

    /** issuedBefore is null for a TOKEN revocation. */
    Revocation(Kind kind, String subject, Instant issuedBefore, Instant expiresAt, Instant createdAt) {
        this.kind = kind;
        this.subject = subject;
        this.issuedBefore = issuedBefore;
        this.expiresAt = expiresAt;
        this.createdAt = createdAt;
    }

    Kind kind() {
        return kind;
    }

    String subject() {
        return subject;
    }

    Instant issuedBefore() {
        return issuedBefore;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    /** A later cut-off moves this one forward, never back; the row lives as long as the latest token it covers. */
    void extend(Instant laterIssuedBefore, Instant laterExpiresAt) {
        if (issuedBefore != null && laterIssuedBefore != null && laterIssuedBefore.isAfter(issuedBefore)) {
            issuedBefore = laterIssuedBefore;
        }
        if (laterExpiresAt.isAfter(expiresAt)) {
            expiresAt = laterExpiresAt;
        }
    }
}
