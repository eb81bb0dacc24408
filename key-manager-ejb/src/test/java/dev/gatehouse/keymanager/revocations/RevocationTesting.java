package dev.gatehouse.keymanager.revocations;

import dev.gatehouse.keymanager.audit.AuditLog;
import dev.gatehouse.keymanager.changes.ChangeFeed;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;

/** RevocationServiceBean as the container builds it, for tests of this and other features. */
public final class RevocationTesting {

    private RevocationTesting() {
    }

    public static RevocationServiceBean wire(EntityManager em, ChangeFeed changes, AuditLog audit,
            Duration tokenMaxLifetime, Clock clock) {
        RevocationServiceBean bean = new RevocationServiceBean();
        bean.em = em;
        bean.changes = changes;
        bean.audit = audit;
        bean.tokenMaxLifetime = tokenMaxLifetime;
        bean.clock = clock;
        return bean;
    }
}
