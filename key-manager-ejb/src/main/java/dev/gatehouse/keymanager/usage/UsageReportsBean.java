package dev.gatehouse.keymanager.usage;

import dev.gatehouse.keymanager.accounts.api.Caller;
import dev.gatehouse.keymanager.accounts.api.Role;
import dev.gatehouse.keymanager.apis.api.ApiService;
import dev.gatehouse.keymanager.applications.api.ApplicationService;
import dev.gatehouse.keymanager.audit.api.NotAdministrator;
import dev.gatehouse.keymanager.usage.api.Granularity;
import dev.gatehouse.keymanager.usage.api.LatencyHistogram;
import dev.gatehouse.keymanager.usage.api.UsagePeriod;
import dev.gatehouse.keymanager.usage.api.UsageReport;
import dev.gatehouse.keymanager.usage.api.UsageReports;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Reads usage summed over the nodes. Who may see what is decided by the applications and APIs features. */
@Stateless
public class UsageReportsBean implements UsageReports {

    /** The latest refusals shown; older ones stay in the counts. */
    static final int RECENT_REFUSALS = 50;

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @EJB
    ApplicationService applications;

    @EJB
    ApiService apis;

    @Override
    public UsageReport ofApplication(Caller developer, UUID applicationId, UsagePeriod period) {
        applications.get(developer, applicationId);
        return report("application_id", applicationId, period, false);
    }

    @Override
    public UsageReport ofApi(Caller publisher, UUID apiId, UsagePeriod period) {
        apis.managed(publisher, apiId);
        return report("api_id", apiId, period, true);
    }

    @Override
    public UsageReport overall(Caller administrator, UsagePeriod period) {
        if (!administrator.has(Role.ADMIN)) {
            throw new NotAdministrator();
        }
        return report(null, null, period, true);
    }

    /** Operations by application when the report spans applications. */
    private UsageReport report(String column, UUID id, UsagePeriod period, boolean byApplication) {
        Granularity granularity = period.granularity();
        long from = granularity.bucketOf(period.from().toEpochMilli());
        long to = period.to().toEpochMilli();
        String filter = column == null ? "" : " AND " + column + " = ?4";
        var query = em.createNativeQuery("SELECT bucket_start, CAST(application_id AS VARCHAR(36)),"
                        + " CAST(api_id AS VARCHAR(36)), api_name, environment, operation, status, reason, calls,"
                        + " latency_histogram FROM usage_counts WHERE granularity = ?1 AND bucket_start >= ?2"
                        + " AND bucket_start < ?3" + filter)
                .setParameter(1, granularity.code()).setParameter(2, from).setParameter(3, to);
        if (column != null) {
            query.setParameter(4, id);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();

        TreeMap<Long, long[]> slots = new TreeMap<>();
        for (long start = from; start < to; start += granularity.length().toMillis()) {
            slots.put(start, new long[2]);
        }
        Map<String, Long> refusals = new TreeMap<>();
        Map<List<String>, Operation> operations = new LinkedHashMap<>();
        long calls = 0;
        long refused = 0;
        long errors = 0;
        for (Object[] row : rows) {
            long bucket = ((Number) row[0]).longValue();
            int status = ((Number) row[6]).intValue();
            String reason = (String) row[7];
            long count = ((Number) row[8]).longValue();
            boolean error = status >= 400;
            calls += count;
            errors += error ? count : 0;
            long[] slot = slots.computeIfAbsent(bucket, start -> new long[2]);
            slot[0] += count;
            slot[1] += error ? count : 0;
            if (!reason.isEmpty()) {
                refused += count;
                refusals.merge(reason, count, Long::sum);
            }
            String application = byApplication ? (String) row[1] : null;
            Operation operation = operations.computeIfAbsent(
                    java.util.Arrays.asList(application, (String) row[2], (String) row[4], (String) row[5]),
                    key -> new Operation(application, (String) row[2], (String) row[4], (String) row[5]));
            operation.add((String) row[3], count, error, reason, (String) row[9]);
        }
        List<UsageReport.Slot> series = new ArrayList<>();
        slots.forEach((start, slot) -> series.add(new UsageReport.Slot(Instant.ofEpochMilli(start), slot[0], slot[1])));
        List<UsageReport.OperationUsage> byOperation = operations.values().stream()
                .sorted(Comparator.comparing((Operation operation) -> -operation.calls)
                        .thenComparing(operation -> operation.apiName).thenComparing(operation -> operation.operation))
                .map(Operation::view).toList();
        return new UsageReport(period.from(), period.to(), granularity, calls, refused, errors, refusals, series,
                byOperation, recentRefusals(column, id, period));
    }

    private List<UsageReport.Refusal> recentRefusals(String column, UUID id, UsagePeriod period) {
        String filter = column == null ? "" : " AND " + column + " = ?3";
        var query = em.createNativeQuery("SELECT refused_at, CAST(application_id AS VARCHAR(36)), api_name,"
                        + " environment, method, path, status, reason, description FROM usage_refusals"
                        + " WHERE refused_at >= ?1 AND refused_at < ?2" + filter + " ORDER BY refused_at DESC")
                .setParameter(1, period.from().toEpochMilli()).setParameter(2, period.to().toEpochMilli())
                .setMaxResults(RECENT_REFUSALS);
        if (column != null) {
            query.setParameter(3, id);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(row -> new UsageReport.Refusal(Instant.ofEpochMilli(((Number) row[0]).longValue()),
                UUID.fromString((String) row[1]), (String) row[2], (String) row[3], (String) row[4], (String) row[5],
                ((Number) row[6]).intValue(), (String) row[7], (String) row[8], RefusalAdvice.of((String) row[7])))
                .toList();
    }

    /** One row of the report being summed. */
    private static final class Operation {
        final String applicationId;
        final String apiId;
        final String environment;
        final String operation;
        final long[] latency = new long[LatencyHistogram.BUCKETS];
        final Map<String, Long> refusals = new TreeMap<>();
        String apiName = "";
        long calls;
        long errors;

        Operation(String applicationId, String apiId, String environment, String operation) {
            this.applicationId = applicationId;
            this.apiId = apiId;
            this.environment = environment;
            this.operation = operation;
        }

        void add(String name, long count, boolean error, String reason, String histogram) {
            apiName = name;
            calls += count;
            errors += error ? count : 0;
            if (!reason.isEmpty()) {
                refusals.merge(reason, count, Long::sum);
            }
            LatencyHistogram.addEncoded(latency, histogram);
        }

        UsageReport.OperationUsage view() {
            return new UsageReport.OperationUsage(UUID.fromString(apiId), apiName, environment, operation,
                    applicationId == null ? null : UUID.fromString(applicationId), calls, errors, refusals,
                    LatencyHistogram.percentileMillis(latency, 0.5), LatencyHistogram.percentileMillis(latency, 0.99));
        }
    }
}
