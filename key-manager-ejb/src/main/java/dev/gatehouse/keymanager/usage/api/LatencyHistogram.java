package dev.gatehouse.keymanager.usage.api;

import java.util.Arrays;

/**
 * Latencies counted in fixed buckets, so that the nodes' counts add up and p50/p99 can be read from the sum: a
 * percentile is reported as the upper bound of the bucket it falls in (at most 2.5 × the true value; the last
 * bucket has no bound and reports its lower one).
 */
public final class LatencyHistogram {

    /** Upper bounds in microseconds of every bucket but the last. */
    private static final long[] BOUNDS_MICROS = {250, 500, 1_000, 2_000, 5_000, 10_000, 25_000, 50_000, 100_000,
            250_000, 500_000, 1_000_000, 2_500_000, 5_000_000, 10_000_000};

    public static final int BUCKETS = BOUNDS_MICROS.length + 1;

    private LatencyHistogram() {
    }

    public static int bucketOf(long nanos) {
        long micros = nanos / 1_000;
        for (int i = 0; i < BOUNDS_MICROS.length; i++) {
            if (micros <= BOUNDS_MICROS[i]) {
                return i;
            }
        }
        return BOUNDS_MICROS.length;
    }

    /** The percentile (0 < q ≤ 1) in milliseconds, or null when nothing was counted. */
    public static Double percentileMillis(long[] counts, double q) {
        long total = Arrays.stream(counts).sum();
        if (total == 0) {
            return null;
        }
        long rank = (long) Math.ceil(q * total);
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return (i < BOUNDS_MICROS.length ? BOUNDS_MICROS[i] : BOUNDS_MICROS[BOUNDS_MICROS.length - 1]) / 1000.0;
            }
        }
        return BOUNDS_MICROS[BOUNDS_MICROS.length - 1] / 1000.0;
    }

    /** As stored: the counts separated by commas. */
    public static String encode(long[] counts) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < counts.length; i++) {
            text.append(i == 0 ? "" : ",").append(counts[i]);
        }
        return text.toString();
    }

    /** Adds a stored histogram to the counts. */
    public static void addEncoded(long[] counts, String encoded) {
        String[] parts = encoded.split(",");
        for (int i = 0; i < Math.min(parts.length, counts.length); i++) {
            counts[i] += Long.parseLong(parts[i]);
        }
    }
}
