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
}
