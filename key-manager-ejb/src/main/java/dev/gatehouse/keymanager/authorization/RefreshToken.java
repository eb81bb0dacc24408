package dev.gatehouse.keymanager.authorization;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * One refresh token (its SHA-256 only) and the access token issued beside it. Tokens rotated from one another form a
 * family; using one marks it used, atomically, so that two nodes cannot both rotate it.
 */
@Entity
@Table(name = "refresh_tokens")
@NamedQuery(name = "RefreshToken.use", query = "UPDATE RefreshToken r SET r.usedAt = :now"
        + " WHERE r.tokenHash = :hash AND r.usedAt IS NULL AND r.revokedAt IS NULL")
@NamedQuery(name = "RefreshToken.family", query = "SELECT r FROM RefreshToken r WHERE r.familyId = :family")
@NamedQuery(name = "RefreshToken.families", query = "SELECT DISTINCT r.familyId FROM RefreshToken r"
        + " WHERE r.accountId = :account AND r.applicationId = :application AND r.revokedAt IS NULL")
@NamedQuery(name = "RefreshToken.expired", query = "DELETE FROM RefreshToken r WHERE r.expiresAt < :before"
        + " AND r.accessExpiresAt < :before")
public class RefreshToken {

    @Id
    @Column(name = "token_hash", length = 64)
    private String tokenHash;

    @Column(name = "family_id", nullable = false)
    private UUID familyId;

    @Column(name = "client_id", nullable = false, length = 64)
    private String clientId;

    @Column(name = "application_id", nullable = false)
    private UUID applicationId;

    @Column(name = "account_id", nullable = false)
    private UUID accountId;

    @Column(nullable = false, length = 2000)
    private String scopes;

    @Column(name = "access_jti", nullable = false, length = 64)
    private String accessJti;

    @Column(name = "access_expires_at", nullable = false)
    private Instant accessExpiresAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected RefreshToken() {
    }

    RefreshToken(String tokenHash, UUID familyId, String clientId, UUID applicationId, UUID accountId,
            List<String> scopes, String accessJti, Instant accessExpiresAt, Instant now, Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.familyId = familyId;
        this.clientId = clientId;
        this.applicationId = applicationId;
        this.accountId = accountId;
        this.scopes = String.join(" ", scopes);
        this.accessJti = accessJti;
        this.accessExpiresAt = accessExpiresAt;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    UUID familyId() {
        return familyId;
    }

    String clientId() {
        return clientId;
    }

    UUID applicationId() {
        return applicationId;
    }

    UUID accountId() {
        return accountId;
    }

    List<String> scopes() {
        return scopes.isEmpty() ? List.of() : Arrays.asList(scopes.split(" "));
    }

    String accessJti() {
        return accessJti;
    }

    Instant accessExpiresAt() {
        return accessExpiresAt;
    }

    boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    boolean isRevoked() {
        return revokedAt != null;
    }

    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }
}
