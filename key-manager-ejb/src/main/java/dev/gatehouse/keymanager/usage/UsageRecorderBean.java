package dev.gatehouse.keymanager.usage;

import dev.gatehouse.keymanager.usage.api.Granularity;
import dev.gatehouse.keymanager.usage.api.LatencyHistogram;
import dev.gatehouse.keymanager.usage.api.RefusedCall;
import dev.gatehouse.keymanager.usage.api.UsageCell;
import dev.gatehouse.keymanager.usage.api.UsageRecorder;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Usage in the database. Plain SQL, as for the rate-limit counts: a table of counters with a composite key,
 * written in batches; every node writes only rows with its own node id, so nodes never contend for a row.
 */
@Stateless
public class UsageRecorderBean implements UsageRecorder {

    private static final System.Logger LOG = System.getLogger(UsageRecorderBean.class.getName());

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    UsageSettings settings;

    @PostConstruct
    void settings() {
        settings = UsageSettings.from(ConfigProvider.getConfig(UsageRecorderBean.class.getClassLoader()));
    }

    @Override
    public void record(String nodeId, List<UsageCell> cells, List<RefusedCall> refusals) {
        for (UsageCell cell : cells) {
            String histogram = LatencyHistogram.encode(cell.latency());
            int updated = em.createNativeQuery("UPDATE usage_counts SET calls = ?1, latency_histogram = ?2"
                            + " WHERE granularity = ?3 AND bucket_start = ?4 AND node_id = ?5 AND application_id = ?6"
                            + " AND api_id = ?7 AND environment = ?8 AND operation = ?9 AND status = ?10"
                            + " AND reason = ?11")
                    .setParameter(1, cell.calls()).setParameter(2, histogram)
                    .setParameter(3, cell.granularity().code()).setParameter(4, cell.bucketStart())
                    .setParameter(5, nodeId).setParameter(6, cell.applicationId()).setParameter(7, cell.apiId())
                    .setParameter(8, cell.environment()).setParameter(9, cell.operation())
                    .setParameter(10, cell.status()).setParameter(11, cell.reason())
                    .executeUpdate();
            if (updated == 0) {
                em.createNativeQuery("INSERT INTO usage_counts (granularity, bucket_start, node_id, application_id,"
                                + " api_id, api_name, environment, operation, status, reason, calls, latency_histogram)"
                                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)")
                        .setParameter(1, cell.granularity().code()).setParameter(2, cell.bucketStart())
                        .setParameter(3, nodeId).setParameter(4, cell.applicationId()).setParameter(5, cell.apiId())
                        .setParameter(6, clip(cell.apiName(), 300)).setParameter(7, cell.environment())
                        .setParameter(8, cell.operation()).setParameter(9, cell.status())
                        .setParameter(10, cell.reason()).setParameter(11, cell.calls()).setParameter(12, histogram)
                        .executeUpdate();
            }
        }
        for (RefusedCall refusal : refusals) {
            em.createNativeQuery("INSERT INTO usage_refusals (id, refused_at, application_id, api_id, api_name,"
                            + " environment, method, path, status, reason, description)"
                            + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")
                    .setParameter(1, UUID.randomUUID()).setParameter(2, refusal.at().toEpochMilli())
                    .setParameter(3, refusal.applicationId()).setParameter(4, refusal.apiId())
                    .setParameter(5, clip(refusal.apiName(), 300)).setParameter(6, refusal.environment())
                    .setParameter(7, clip(refusal.method(), 16)).setParameter(8, clip(refusal.path(), 300))
                    .setParameter(9, refusal.status()).setParameter(10, clip(refusal.reason(), 64))
                    .setParameter(11, clip(refusal.description(), 500))
                    .executeUpdate();
        }
    }

    /** Keeps usage within its retention; returns the rows removed. */
    public int purgeExpired(long nowMillis) {
        long minutesBefore = nowMillis - settings.minuteRetention().toMillis();
        long hoursBefore = nowMillis - settings.hourRetention().toMillis();
        return em.createNativeQuery("DELETE FROM usage_counts WHERE granularity = ?1 AND bucket_start < ?2")
                        .setParameter(1, Granularity.MINUTE.code()).setParameter(2, minutesBefore).executeUpdate()
                + em.createNativeQuery("DELETE FROM usage_counts WHERE granularity = ?1 AND bucket_start < ?2")
                        .setParameter(1, Granularity.HOUR.code()).setParameter(2, hoursBefore).executeUpdate()
                + em.createNativeQuery("DELETE FROM usage_refusals WHERE refused_at < ?1")
                        .setParameter(1, minutesBefore).executeUpdate();
    }

    @Schedule(hour = "*", minute = "17", persistent = false)
    void purgeHourly() {
        int purged = purgeExpired(System.currentTimeMillis());
        if (purged > 0) {
            LOG.log(Level.INFO, "GH-USE-001 Purged {0} usage row(s) past their retention", purged);
        }
    }

    private static String clip(String value, int length) {
        return value.length() <= length ? value : value.substring(0, length);
    }
}
