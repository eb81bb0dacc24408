package dev.gatehouse.keymanager.clients;

import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A secret's last use, shown to its owner as a hint: remembered in memory on each token and written every
 * {@value #WRITE_SECONDS} seconds in one transaction, so that the token endpoint writes nothing.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SecretLastUse {

    static final int WRITE_SECONDS = 15;

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    private final Map<UUID, Instant> pending = new ConcurrentHashMap<>();

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void used(UUID secretId, Instant at) {
        pending.merge(secretId, at, (earlier, later) -> later.isAfter(earlier) ? later : earlier);
    }

    @Schedule(hour = "*", minute = "*", second = "*/" + WRITE_SECONDS, persistent = false)
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    void write() {
        Map<UUID, Instant> batch = new HashMap<>();
        for (UUID secretId : pending.keySet()) {
            Instant at = pending.remove(secretId);
            if (at != null) {
                batch.put(secretId, at);
            }
        }
        try {
            batch.forEach((secretId, at) -> em.createQuery("UPDATE ClientSecret s SET s.lastUsedAt = :at"
                            // never backwards: another node may have written a later use
                            + " WHERE s.id = :id AND (s.lastUsedAt IS NULL OR s.lastUsedAt < :at)")
                    .setParameter("at", at).setParameter("id", secretId).executeUpdate());
        } catch (RuntimeException unreachable) {
            // the database is away: kept for the next batch
            batch.forEach(this::used);
        }
    }

    @PreDestroy
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    void writeBeforeStopping() {
        if (!pending.isEmpty()) {
            write();
        }
    }
}
