package dev.gatehouse.keymanager.audit;

import jakarta.persistence.EntityManager;

/** An AuditLog on a test transaction; failures are written in the same one here. */
public final class AuditTesting {
    private AuditTesting() {
    }

    public static AuditLog on(EntityManager em) {
        AuditLog audit = new AuditLog();
        audit.em = em;
        return audit;
    }

    /** The audit trail's reading side on a test transaction. */
    public static AuditTrailBean trail(EntityManager em) {
        AuditTrailBean trail = new AuditTrailBean();
        trail.em = em;
        trail.settings = new AuditSettings(java.time.Duration.ofDays(90));
        return trail;
    }
}
