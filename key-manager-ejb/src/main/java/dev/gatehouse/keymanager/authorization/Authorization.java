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
 * One allowed authorization from the person's decision to its redemption: the hash of its code, what it is bound
 * to, and once redeemed what was issued (so that a second redemption can revoke it).
 */
@Entity
@Table(name = "authorizations")
@NamedQuery(name = "Authorization.byCode", query = "SELECT a FROM Authorization a WHERE a.codeHash = :hash")
@NamedQuery(name = "Authorization.redeem", query = "UPDATE Authorization a SET a.redeemedAt = :now"
        + " WHERE a.id = :id AND a.redeemedAt IS NULL")
@NamedQuery(name = "Authorization.expired", query = "DELETE FROM Authorization a WHERE a.expiresAt < :before")
@NamedQuery(name = "Authorization.issuedFor", query = "SELECT a FROM Authorization a WHERE a.accountId = :account"
        + " AND a.applicationId = :application AND a.accessJti IS NOT NULL AND a.accessExpiresAt > :now")
public class Authorization {

    @Id
    private UUID id;

    @Column(name = "client_id", nullable = false, length = 64)
    private String clientId;

    @Column(name = "application_id", nullable = false)
    private UUID applicationId;

    @Column(name = "redirect_uri", nullable = false, length = 2048)
    private String redirectUri;

    @Column(nullable = false, length = 2000)
    private String scopes;

    @Column(length = 512)
    private String nonce;

    @Column(name = "code_challenge", length = 128)
    private String codeChallenge;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "account_id", nullable = false)
    private UUID accountId;

    @Column(name = "auth_time")
    private Instant authTime;

    @Column(name = "code_hash", length = 64)
    private String codeHash;

    @Column(name = "code_expires_at")
    private Instant codeExpiresAt;

    @Column(name = "redeemed_at")
    private Instant redeemedAt;

    @Column(name = "access_jti", length = 64)
    private String accessJti;

    @Column(name = "access_expires_at")
    private Instant accessExpiresAt;

    protected Authorization() {
    }

    /** An allowed request: its code (the hash) is good until {@code codeExpiresAt}. */
    Authorization(String clientId, UUID applicationId, String redirectUri, List<String> scopes, String nonce,
            String codeChallenge, UUID accountId, Instant authTime, String codeHash, Instant now,
            Instant codeExpiresAt) {
        this.id = UUID.randomUUID();
        this.clientId = clientId;
        this.applicationId = applicationId;
        this.redirectUri = redirectUri;
        this.scopes = String.join(" ", scopes);
        this.nonce = nonce;
        this.codeChallenge = codeChallenge;
        this.accountId = accountId;
        this.authTime = authTime;
        this.codeHash = codeHash;
        this.codeExpiresAt = codeExpiresAt;
        this.createdAt = now;
        this.expiresAt = codeExpiresAt;
    }

    UUID id() {
        return id;
    }

    String clientId() {
        return clientId;
    }

    UUID applicationId() {
        return applicationId;
    }

    String redirectUri() {
        return redirectUri;
    }

    List<String> scopes() {
        return scopes.isEmpty() ? List.of() : Arrays.asList(scopes.split(" "));
    }

    String nonce() {
        return nonce;
    }

    Instant authTime() {
        return authTime;
    }

    String codeChallenge() {
        return codeChallenge;
    }

    UUID accountId() {
        return accountId;
    }

    boolean codeIsLive(Instant now) {
        return codeExpiresAt != null && now.isBefore(codeExpiresAt);
    }

    boolean isRedeemed() {
        return redeemedAt != null;
    }

    /**
     * What the redemption issued, kept as long as the access token lives: a second redemption revokes it. The
     * refresh tokens issued from this code, and rotated from them, form the family named by this row's id.
     */
    void issued(String accessJti, Instant accessExpiresAt) {
        this.accessJti = accessJti;
        this.accessExpiresAt = accessExpiresAt;
        keepUntil(accessExpiresAt);
    }

    /** Kept while a token issued from it lives: the refresh tokens' ID tokens name this sign-in's time. */
    void keepUntil(Instant until) {
        if (expiresAt.isBefore(until)) {
            expiresAt = until;
        }
    }

    String accessJti() {
        return accessJti;
    }

    Instant accessExpiresAt() {
        return accessExpiresAt;
    }
}
