package dev.gatehouse.keymanager.usage.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the gateway answered in a period: totals, refusals by reason, a series of buckets, a row per API and
 * operation, and the latest refusals with what to do about them. {@code refused} counts the gateway's refusals;
 * {@code errors} every answer of status 400 or more (refusals and the backends' own errors).
 */
public record UsageReport(Instant from, Instant to, Granularity granularity, long calls, long refused, long errors,
        Map<String, Long> refusals, List<Slot> series, List<OperationUsage> operations,
        List<Refusal> recentRefusals) {

    /** One bucket of the series; buckets without calls are there with zeros. */
    public record Slot(Instant start, long calls, long errors) {
    }

    /** Latencies in milliseconds, read from the histogram (see {@link LatencyHistogram}); null without calls. */
    public record OperationUsage(UUID apiId, String api, String environment, String operation, UUID applicationId,
            long calls, long errors, Map<String, Long> refusals, Double p50Millis, Double p99Millis) {
    }

    public record Refusal(Instant at, UUID applicationId, String api, String environment, String method, String path,
            int status, String reason, String description, String advice) {
    }
}
