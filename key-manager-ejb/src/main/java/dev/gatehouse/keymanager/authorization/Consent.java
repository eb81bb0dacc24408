package dev.gatehouse.keymanager.authorization;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** The scopes a person has allowed an application to use in their name. */
@Entity
@Table(name = "consents")
@IdClass(Consent.Key.class)
@NamedQuery(name = "Consent.ofAccount", query = "SELECT c FROM Consent c WHERE c.accountId = :account"
        + " ORDER BY c.grantedAt DESC")
public class Consent {

    @Id
    @Column(name = "account_id")
    private UUID accountId;

    @Id
    @Column(name = "application_id")
    private UUID applicationId;

    @Column(nullable = false, length = 2000)
    private String scopes;

    @Column(name = "granted_at", nullable = false)
    private Instant grantedAt;

    /** The composite key, as Jakarta Persistence wants it: a public class with the id fields, equals and hashCode. */
    public static class Key implements Serializable {

        private UUID accountId;
        private UUID applicationId;

        public Key() {
        }

        public Key(UUID accountId, UUID applicationId) {
            this.accountId = accountId;
            this.applicationId = applicationId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(accountId, key.accountId)
                    && Objects.equals(applicationId, key.applicationId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(accountId, applicationId);
        }
    }

    protected Consent() {
    }

    /** Complete before it is persisted: a provider may write it at once (Hibernate does, with an assigned id). */
    Consent(UUID accountId, UUID applicationId, Collection<String> allowed, Instant now) {
        this.accountId = accountId;
        this.applicationId = applicationId;
        this.scopes = "";
        allow(allowed, now);
    }

    UUID applicationId() {
        return applicationId;
    }

    Instant grantedAt() {
        return grantedAt;
    }

    List<String> scopeList() {
        return scopes().stream().sorted().toList();
    }

    boolean covers(Collection<String> asked) {
        return scopes().containsAll(asked);
    }

    /** Adds what was allowed now to what was allowed before. */
    void allow(Collection<String> allowed, Instant now) {
        Set<String> all = new TreeSet<>(scopes());
        all.addAll(allowed);
        scopes = String.join(" ", all);
        grantedAt = now;
    }

    private Set<String> scopes() {
        return scopes.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(scopes.split(" ")));
    }
}
