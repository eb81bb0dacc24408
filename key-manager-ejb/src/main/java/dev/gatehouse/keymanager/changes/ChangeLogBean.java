package dev.gatehouse.keymanager.changes;

import dev.gatehouse.keymanager.changes.api.Change;
import dev.gatehouse.keymanager.changes.api.ChangeLog;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ChangeLogBean implements ChangeLog {

    static final Duration KEPT = Duration.ofDays(1);

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Override
    public long latest() {
        Long latest = em.createNamedQuery("ChangeEntry.latest", Long.class).getSingleResult();
        return latest == null ? 0 : latest;
    }

    /** Followers read back 30 seconds at most; a day of entries is kept for diagnosis, then dropped hourly. */
    @Schedule(hour = "*", minute = "23", persistent = false)
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    void purgeOldEntries() {
        em.createNamedQuery("ChangeEntry.purge").setParameter("before", Instant.now().minus(KEPT)).executeUpdate();
    }

    @Override
    public List<Change> after(long afterId, Instant since, int max) {
        List<ChangeEntry> entries = new ArrayList<>(em.createNamedQuery("ChangeEntry.afterOrSince", ChangeEntry.class)
                .setParameter("afterId", afterId).setParameter("since", since).setMaxResults(max).getResultList());
        if (entries.size() == max && entries.get(max - 1).id() <= afterId) {
            // one statement a poll as a rule; a second only while a burst fills the window
            entries.addAll(em.createNamedQuery("ChangeEntry.after", ChangeEntry.class).setParameter("afterId", afterId)
                    .setMaxResults(max).getResultList());
        }
        return entries.stream().map(entry -> new Change(entry.id(), entry.entity(), entry.entityId(),
                entry.changeKind(), entry.changedAt())).toList();
    }
}
