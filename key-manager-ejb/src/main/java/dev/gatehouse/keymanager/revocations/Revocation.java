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

/** One revocation, enforced until {@code expiresAt}, when every token it covers has expired anyway. */
@Entity
@Table(name = "revocations")
@NamedQuery(name = "Revocation.of", query = "SELECT r FROM Revocation r WHERE r.kind = :kind AND r.subject = :subject")
@NamedQuery(name = "Revocation.purge", query = "DELETE FROM Revocation r WHERE r.expiresAt < :now")
public class Revocation {

    public enum Kind { TOKEN, CLIENT, SECRET }

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

    Revocation(Kind kind, String subject, Instant issuedBefore, Instant expiresAt) {
        this.kind = kind;
        this.subject = subject;
        this.issuedBefore = issuedBefore;
        this.expiresAt = expiresAt;
        this.createdAt = Instant.now();
    }

    /** A later cut-off for the same subject moves it forward, never back. */
    void extend(Instant issuedBefore, Instant expiresAt) {
        if (this.issuedBefore == null || issuedBefore.isAfter(this.issuedBefore)) {
            this.issuedBefore = issuedBefore;
        }
        if (expiresAt.isAfter(this.expiresAt)) {
            this.expiresAt = expiresAt;
        }
    }

    /** Whether a token issued at the instant is covered (a TOKEN revocation covers its token whenever issued). */
    boolean covers(Instant issuedAt) {
        return kind == Kind.TOKEN || issuedAt.isBefore(issuedBefore);
    }
}
