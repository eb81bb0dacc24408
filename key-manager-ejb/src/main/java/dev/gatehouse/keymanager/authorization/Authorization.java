package dev.gatehouse.keymanager.authorization;

import dev.gatehouse.keymanager.database.NullableUuidColumns;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * One authorization from request to redemption: the checked request waits for the person's decision; allowed, it
 * holds the hash of its code; redeemed, what was issued (so that a second redemption can revoke it).
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

    @Column(length = 1024)
    private String state;

    @Column(length = 512)
    private String nonce;

    @Column(name = "code_challenge", length = 128)
    private String codeChallenge;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "account_id")
    @Convert(converter = NullableUuidColumns.class)
    private UUID accountId;

    @Column(name = "auth_time")
    private Instant authTime;

    @Column(name = "code_hash", length = 64)
    private String codeHash;

    @Column(name = "code_expires_at")
    private Instant codeExpiresAt;

    @Column(name = "redeemed_at")
    private Instant redeemedAt;

    @Column(name = "refresh_family")
    @Convert(converter = NullableUuidColumns.class)
    private UUID refreshFamily;

    @Column(name = "access_jti", length = 64)
    private String accessJti;

    @Column(name = "access_expires_at")
    private Instant accessExpiresAt;

    protected Authorization() {
    }

    Authorization(String clientId, UUID applicationId, String redirectUri, List<String> scopes, String state,
            String nonce, String codeChallenge, Instant now, Instant expiresAt) {
        this.id = UUID.randomUUID();
        this.clientId = clientId;
        this.applicationId = applicationId;
        this.redirectUri = redirectUri;
        this.scopes = String.join(" ", scopes);
        this.state = state;
        this.nonce = nonce;
        this.codeChallenge = codeChallenge;
        this.createdAt = now;
        this.expiresAt = expiresAt;
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

    String state() {
        return state;
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

    boolean isWaiting(Instant now) {
        return accountId == null && codeHash == null && now.isBefore(expiresAt);
    }

    boolean isDecided() {
        return accountId != null;
    }

    boolean codeIsLive(Instant now) {
        return codeExpiresAt != null && now.isBefore(codeExpiresAt);
    }

    boolean isRedeemed() {
        return redeemedAt != null;
    }

    /** Allowed: the code (its hash) is good until {@code codeExpiresAt}; the row is kept until then at least. */
    void allow(UUID account, Instant authTime, String codeHash, Instant codeExpiresAt) {
        this.accountId = account;
        this.authTime = authTime;
        this.codeHash = codeHash;
        this.codeExpiresAt = codeExpiresAt;
        if (expiresAt.isBefore(codeExpiresAt)) {
            expiresAt = codeExpiresAt;
        }
    }

    void deny(UUID account) {
        this.accountId = account;
    }

    /** What the redemption issued, kept as long as the access token lives: a second redemption revokes it. */
    void issued(String accessJti, Instant accessExpiresAt, UUID refreshFamily) {
        this.accessJti = accessJti;
        this.accessExpiresAt = accessExpiresAt;
        this.refreshFamily = refreshFamily;
        if (expiresAt.isBefore(accessExpiresAt)) {
            expiresAt = accessExpiresAt;
        }
    }

    String accessJti() {
        return accessJti;
    }

    Instant accessExpiresAt() {
        return accessExpiresAt;
    }

    UUID refreshFamily() {
        return refreshFamily;
    }
}
