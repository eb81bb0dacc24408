package dev.gatehouse.keymanager.usage.api;

import java.time.Duration;

/** The buckets usage is counted in: minutes (kept 48 h by default) and hours (kept 90 days). */
public enum Granularity {
    MINUTE("M", Duration.ofMinutes(1)),
    HOUR("H", Duration.ofHours(1));

    private final String code;
    private final Duration length;

    Granularity(String code, Duration length) {
        this.code = code;
        this.length = length;
    }

    /** The column value. */
    public String code() {
        return code;
    }

    public Duration length() {
        return length;
    }

    /** The start of the bucket holding the instant, in epoch milliseconds. */
    public long bucketOf(long epochMillis) {
        return epochMillis - Math.floorMod(epochMillis, length.toMillis());
    }
}
