package dev.gatehouse.keymanager.ratelimits;

import dev.gatehouse.keymanager.ratelimits.api.SharedRateCounts;
import dev.gatehouse.keymanager.ratelimits.api.WindowCount;
import dev.gatehouse.keymanager.database.UniqueViolation;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Duration;
import java.util.List;

/**
 * Rate-limit counts in the database. Plain SQL on purpose: the table is a set of counters with a composite key, updated several times a second, and
 * the statements are portable across H2 and PostgreSQL. Every node writes only rows with its own node id, so two
 * nodes never update or insert the same row.
 */
@Stateless
public class SharedRateCountsBean implements SharedRateCounts {

    /** Rows of nodes that stopped without cleaning up are dropped once their window is this long over. */
    static final Duration ABANDONED_AFTER = Duration.ofHours(1);

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Override
    public List<WindowCount> exchange(String nodeId, List<WindowCount> counts, long nowMillis) {
        for (WindowCount count : counts) {
            int updated = em.createNativeQuery("UPDATE rate_counts SET requests = ?1"
                            + " WHERE counter_key = ?2 AND window_start = ?3 AND node_id = ?4")
                    .setParameter(1, count.requests()).setParameter(2, count.counter())
                    .setParameter(3, count.windowStart()).setParameter(4, nodeId)
                    .executeUpdate();
            if (updated == 0) {
                em.createNativeQuery("INSERT INTO rate_counts (counter_key, window_start, node_id, window_end,"
                                + " requests) VALUES (?1, ?2, ?3, ?4, ?5)")
                        .setParameter(1, count.counter()).setParameter(2, count.windowStart())
                        .setParameter(3, nodeId).setParameter(4, count.windowEnd())
                        .setParameter(5, count.requests())
                        .executeUpdate();
            }
        }
        em.createNativeQuery("DELETE FROM rate_counts WHERE node_id = ?1 AND window_end <= ?2")
                .setParameter(1, nodeId).setParameter(2, nowMillis).executeUpdate();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT counter_key, window_start, MAX(window_end),"
                        + " SUM(requests) FROM rate_counts WHERE window_end > ?1 GROUP BY counter_key, window_start")
                .setParameter(1, nowMillis)
                .getResultList();
        return rows.stream()
                .map(row -> new WindowCount((String) row[0], ((Number) row[1]).longValue(),
                        ((Number) row[2]).longValue(), ((Number) row[3]).longValue()))
                .toList();
    }

    /**
     * The update is atomic per row on both databases: a second node's update waits for the first's row lock and
     * then checks {@code requests < limit} against the committed count, so the limit holds under any interleaving.
     */
    @Override
    public long admitExactly(String counter, long windowStart, long limit) {
        int admitted = em.createNativeQuery("UPDATE exact_rate_counts SET requests = requests + 1"
                        + " WHERE counter_key = ?1 AND window_start = ?2 AND requests < ?3")
                .setParameter(1, counter).setParameter(2, windowStart).setParameter(3, limit)
                .executeUpdate();
        List<?> count = em.createNativeQuery("SELECT requests FROM exact_rate_counts"
                        + " WHERE counter_key = ?1 AND window_start = ?2")
                .setParameter(1, counter).setParameter(2, windowStart)
                .getResultList();
        if (count.isEmpty()) {
            return 0;
        }
        return admitted == 1 ? ((Number) count.get(0)).longValue() : -1;
    }

    /**
     * A duplicate (another node opened the window first) marks this transaction, and only this one, for rollback:
     * the window is open either way.
     */
    @Override
    public void openExactWindow(String counter, long windowStart, long windowEnd) {
        try {
            em.createNativeQuery("INSERT INTO exact_rate_counts (counter_key, window_start, window_end, requests)"
                            + " VALUES (?1, ?2, ?3, 0)")
                    .setParameter(1, counter).setParameter(2, windowStart).setParameter(3, windowEnd)
                    .executeUpdate();
        } catch (PersistenceException duplicate) {
            if (!UniqueViolation.causes(duplicate)) {
                throw duplicate;
            }
        }
    }

    @Schedule(hour = "*", minute = "41", persistent = false)
    void dropAbandonedRows() {
        long before = System.currentTimeMillis() - ABANDONED_AFTER.toMillis();
        em.createNativeQuery("DELETE FROM rate_counts WHERE window_end < ?1").setParameter(1, before).executeUpdate();
        em.createNativeQuery("DELETE FROM exact_rate_counts WHERE window_end < ?1").setParameter(1, before)
                .executeUpdate();
    }
}
