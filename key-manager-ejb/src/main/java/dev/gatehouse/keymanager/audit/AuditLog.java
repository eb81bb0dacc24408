package dev.gatehouse.keymanager.audit;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.System.Logger.Level;

/**
 * The audit trail. Successes join the caller's transaction and vanish with it if it rolls back; failures and
 * denials are written in their own transaction, because the business transaction that refused will roll back.
 */
@Stateless
public class AuditLog {

    private static final System.Logger LOG = System.getLogger("dev.gatehouse.audit");

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void success(String actor, String action, String targetType, Object targetId, String detail) {
        write(new AuditEvent(actor, action, targetType, string(targetId), AuditEvent.Outcome.SUCCESS, detail));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void failure(String actor, String action, String targetType, Object targetId, String detail) {
        write(new AuditEvent(actor, action, targetType, string(targetId), AuditEvent.Outcome.FAILURE, detail));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void denied(String actor, String action, String targetType, Object targetId, String detail) {
        write(new AuditEvent(actor, action, targetType, string(targetId), AuditEvent.Outcome.DENIED, detail));
    }

    void write(AuditEvent event) {
        em.persist(event);
        LOG.log(event.outcome() == AuditEvent.Outcome.SUCCESS ? Level.INFO : Level.WARNING,
                "GH-AUDIT {0} {1} {2}:{3} by {4}", event.outcome(), event.action(), event.targetType(),
                event.targetId(), event.actor());
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }
}
