package dev.gatehouse.keymanager.clients;

import dev.gatehouse.keymanager.clients.api.SecretView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One secret of a client. Only the SHA-256 of its 256-bit random value is kept. */
@Entity
@Table(name = "client_secrets")
@NamedQuery(name = "ClientSecret.ofClient",
        query = "SELECT s FROM ClientSecret s WHERE s.oauthClientId = :client ORDER BY s.createdAt")
public class ClientSecret {

    @Id
    private UUID id;

    @Column(name = "oauth_client_id", nullable = false)
    private UUID oauthClientId;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(name = "secret_hash", nullable = false, length = 64)
    private String secretHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ClientSecret() {
    }

    ClientSecret(UUID oauthClientId, String name, String secretHash, Instant expiresAt) {
        this.id = UUID.randomUUID();
        this.oauthClientId = oauthClientId;
        this.name = name.strip();
        this.secretHash = secretHash;
        this.createdAt = Instant.now();
        this.expiresAt = expiresAt;
    }

    UUID id() {
        return id;
    }

    String secretHash() {
        return secretHash;
    }

    boolean isActive(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    /** What authentication needs of this secret, kept in memory by {@link ClientDirectory}. */
    ClientDirectory.KnownSecret known() {
        return new ClientDirectory.KnownSecret(id, secretHash, expiresAt, revokedAt != null);
    }

    SecretView toView(Instant now) {
        return new SecretView(id, name, createdAt, expiresAt, lastUsedAt, revokedAt, isActive(now));
    }
}
