package dev.gatehouse.keymanager.changes;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/**
 * Writes the change feed. It joins the caller's transaction ({@code MANDATORY}), so an entry exists exactly when
 * the change it announces was committed.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class ChangeFeed {

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    public void record(String entity, Object entityId, String changeKind) {
        em.persist(new ChangeEntry(entity, String.valueOf(entityId), changeKind, Instant.now()));
    }
}
