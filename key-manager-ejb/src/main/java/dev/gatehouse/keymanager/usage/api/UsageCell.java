package dev.gatehouse.keymanager.usage.api;

import java.util.UUID;

/**
 * One node's count of calls in one bucket that share application, API, environment, operation, status and reason
 * (empty when served). {@code latency} is a {@link LatencyHistogram}. Counts are absolute for the bucket, not
 * increments: writing a cell again replaces it.
 */
public record UsageCell(Granularity granularity, long bucketStart, UUID applicationId, UUID apiId, String apiName,
        String environment, String operation, int status, String reason, long calls, long[] latency) {
}
