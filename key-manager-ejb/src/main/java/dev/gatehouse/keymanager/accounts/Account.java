package dev.gatehouse.keymanager.accounts;

import dev.gatehouse.keymanager.accounts.api.AccountView;
import dev.gatehouse.keymanager.accounts.api.Caller;
import dev.gatehouse.keymanager.accounts.api.Role;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

@Entity
@Table(name = "accounts")
@NamedQuery(name = "Account.byUsername", query = "SELECT a FROM Account a WHERE a.usernameKey = :key")
@NamedQuery(name = "Account.countTaken",
        query = "SELECT COUNT(a) FROM Account a WHERE a.usernameKey = :username OR a.emailKey = :email")
@NamedQuery(name = "Account.countWithRole", query = "SELECT COUNT(a) FROM Account a JOIN a.roles r WHERE r = :role")
@NamedQuery(name = "Account.withRole", query = "SELECT a FROM Account a JOIN a.roles r WHERE r = :role AND a.status = 'ACTIVE'")
@NamedQuery(name = "Account.page", query = "SELECT a FROM Account a ORDER BY a.usernameKey")
@NamedQuery(name = "Account.count", query = "SELECT COUNT(a) FROM Account a")
public class Account {

    @Id
    private UUID id;

    @Column(nullable = false, length = 64)
    private String username;

    @Column(name = "username_key", nullable = false, length = 64)
    private String usernameKey;

    @Column(nullable = false, length = 254)
    private String email;

    @Column(name = "email_key", nullable = false, length = 254)
    private String emailKey;

    @Column(name = "display_name", nullable = false, length = 100)
    private String displayName;

    @Column(name = "password_hash", nullable = false, length = 512)
    private String passwordHash;

    @Column(nullable = false, length = 16)
    private String status = "ACTIVE";

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "account_roles", joinColumns = @JoinColumn(name = "account_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role_name", length = 16)
    private Set<Role> roles = new HashSet<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Set for an administrator created with a generated password: nothing but changing it is allowed. */
    @Column(name = "password_change_required", nullable = false)
    private boolean passwordChangeRequired;

    @Version
    @Column(name = "row_version")
    private long rowVersion;

    protected Account() {
    }

    Account(String username, String email, String displayName, String passwordHash, Set<Role> roles) {
        this.id = UUID.randomUUID();
        this.username = username.strip();
        this.usernameKey = key(username);
        this.email = email.strip();
        this.emailKey = key(email);
        this.displayName = displayName.strip();
        this.passwordHash = passwordHash;
        this.roles = EnumSet.copyOf(roles);
        this.createdAt = Instant.now();
    }

    static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    boolean isActive() {
        return "ACTIVE".equals(status);
    }

    String passwordHash() {
        return passwordHash;
    }

    UUID id() {
        return id;
    }

    String username() {
        return username;
    }

    boolean has(Role role) {
        return roles.contains(role);
    }

    void grant(Role role) {
        roles.add(role);
    }

    void revoke(Role role) {
        roles.remove(role);
    }

    void passwordHash(String passwordHash) {
        this.passwordHash = passwordHash;
        this.passwordChangeRequired = false;
    }

    void requirePasswordChange() {
        this.passwordChangeRequired = true;
    }

    Caller toCaller() {
        return new Caller(id, username, roles, passwordStamp(), passwordChangeRequired);
    }

    /** Changes with every new password (its salt is random) and tells nothing about it. */
    private String passwordStamp() {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(passwordHash.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    AccountView toView() {
        return new AccountView(id, username, email, displayName, Set.copyOf(roles), createdAt, passwordChangeRequired);
    }
}
