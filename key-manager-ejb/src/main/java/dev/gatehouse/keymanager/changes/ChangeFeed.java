package dev.gatehouse.keymanager.changes;

import dev.gatehouse.keymanager.changes.api.Change;
import dev.gatehouse.keymanager.changes.api.ChangedEntity;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/**
 * Writes the change feed. It joins the caller's transaction ({@code MANDATORY}), so an entry exists exactly when
 * the change it announces was committed. It also fires the change as a CDI event, so that caches in this module can
 * observe it once the transaction has committed ({@code TransactionPhase.AFTER_SUCCESS}) instead of at their next
 * read of the feed; other modules and other nodes learn of it from the feed.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class ChangeFeed {

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Inject
    Event<Change> committed;

    public void record(ChangedEntity entity, Object entityId, String changeKind) {
        ChangeEntry entry = new ChangeEntry(entity.key(), String.valueOf(entityId), changeKind, Instant.now());
        em.persist(entry);
        committed.fire(new Change(entry.id() == null ? -1 : entry.id(), entry.entity(), entry.entityId(),
                entry.changeKind(), entry.changedAt()));
    }
}
