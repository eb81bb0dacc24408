package dev.gatehouse.runtime.gateway;

import dev.gatehouse.keymanager.plans.api.PlanView;
import dev.gatehouse.keymanager.ratelimits.api.WindowCount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The plans' rate limits, per application and API, in fixed windows aligned to the clock (a "per minute" window starts at
 * each whole minute), so that a window is the same on every node. A plan's burst limit caps each second inside its
 * window. On one node counting is exact under concurrency: a window admits at most its limit.
 *
 * <p>In a cluster each node also knows what the other nodes admitted, as of the last exchange through the database
 * ({@link RateCountSharing}): a window admits while this node's count plus the others' stays under the limit. The
 * limit can therefore be exceeded by what the other nodes admit before their counts arrive: a count waits up to one
 * sharing interval to be written and up to one more to be read.
 *
 * <p>Windows where that matters are counted exactly, in the database, whatever the number of nodes
 * ({@link #isExact}): quotas of an hour or longer, which are what plans are billed on, and per-minute limits of at
 * most 60, where two intervals' worth of calls could be a large share of the limit. Per-second bursts and larger
 * per-minute limits stay shared as above: an exact count would cost a database write per request at rates where
 * the overshoot is a small share of the limit.
 */
@ApplicationScoped
class RateLimiter {

    static final long MINUTE_MILLIS = 60_000;
    static final long HOUR_MILLIS = 3_600_000;
    static final long EXACT_PER_MINUTE = 60;

    @Inject
    ExactRateCounts exact;

    /** A request's place in its application's windows for the API. */
    record Decision(boolean allowed, long limit, long remaining, long resetSeconds) {
    }

    private static final class Window {
        final String key;
        final long startMillis;
        final long endMillis;
        /** Admitted by this node. */
        final AtomicLong here = new AtomicLong();
        /** Admitted by the other nodes, as of the last exchange. */
        volatile long elsewhere;
        /** The count of this node that the other nodes have been told. */
        volatile long shared;

        Window(String key, long startMillis, long endMillis) {
            this.key = key;
            this.startMillis = startMillis;
            this.endMillis = endMillis;
        }

        /** Admits one request if the window has room, atomically. Answers the window's total after it, or -1. */
        long admit(long limit) {
            while (true) {
                long count = here.get();
                long total = count + elsewhere;
                if (total >= limit) {
                    return -1;
                }
                if (here.compareAndSet(count, count + 1)) {
                    return total + 1;
                }
            }
        }

        long total() {
            return here.get() + elsewhere;
        }
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    /**
     * Empty for an unlimited plan. Counted per application and API, not per subscription row: unsubscribing and
     * subscribing again must not reset a quota.
     */
    Optional<Decision> acquire(UUID applicationId, UUID apiId, PlanView plan, Instant now) {
        if (plan.requestLimit() == null) {
            return Optional.empty();
        }
        long limit = plan.requestLimit();
        long unit = ChronoUnit.valueOf(plan.timeUnit().toUpperCase(Locale.ROOT) + "S").getDuration().toMillis();
        long millis = now.toEpochMilli();
        String counter = applicationId + "/" + apiId;
        Window window = window(counter + "/" + unit, millis, unit);
        long reset = secondsUntil(window.endMillis, millis);
        // the burst first: a request it refuses must not use the plan's window, which may be in the database
        Window second = null;
        if (plan.burstLimit() != null && unit > 1000) {
            second = window(counter + "/burst", millis, 1000);
            if (second.admit(plan.burstLimit()) < 0) {
                return Optional.of(new Decision(false, limit, Math.max(0, limit - window.total()),
                        secondsUntil(second.endMillis, millis)));
            }
        }
        OptionalLong counted = isExact(limit, unit)
                ? exact.admit(window.key, window.startMillis, window.endMillis, limit) : OptionalLong.empty();
        long used = counted.isPresent() ? counted.getAsLong() : window.admit(limit);
        if (used < 0) {
            if (second != null) {
                second.here.decrementAndGet();
            }
            return Optional.of(new Decision(false, limit, 0, reset));
        }
        return Optional.of(new Decision(true, limit, Math.max(0, limit - used), reset));
    }

    /** Counted exactly across the nodes, in the database: quotas of an hour or more, small per-minute limits. */
    static boolean isExact(long limit, long unitMillis) {
        return unitMillis >= HOUR_MILLIS || unitMillis == MINUTE_MILLIS && limit <= EXACT_PER_MINUTE;
    }

    private static long secondsUntil(long endMillis, long millis) {
        return Math.max(1, (endMillis - millis + 999) / 1000);
    }

    private Window window(String key, long millis, long unit) {
        long start = millis - Math.floorMod(millis, unit);
        return windows.compute(key, (k, old) -> old != null && old.startMillis == start ? old
                : new Window(key, start, start + unit));
    }

    /** Drops the windows that have ended, so that applications no longer calling cost no memory. */
    void forgetEndedWindows(Instant now) {
        long millis = now.toEpochMilli();
        windows.values().removeIf(window -> window.endMillis <= millis);
    }

    /** This node's counts that changed since they were last shared. */
    List<WindowCount> unsharedCounts() {
        List<WindowCount> counts = new ArrayList<>();
        windows.forEach((key, window) -> {
            long here = window.here.get();
            if (here != window.shared) {
                counts.add(new WindowCount(key, window.startMillis, window.endMillis, here));
            }
        });
        return counts;
    }

    /**
     * Takes in an exchange: {@code sent} are the counts this node reported, {@code totals} the sums over all nodes
     * (this node's reported counts included) of the windows still open.
     */
    void exchanged(List<WindowCount> sent, List<WindowCount> totals) {
        for (WindowCount count : sent) {
            Window window = windows.get(count.counter());
            if (window != null && window.startMillis == count.windowStart()) {
                window.shared = count.requests();
            }
        }
        for (WindowCount total : totals) {
            Window window = windows.compute(total.counter(), (key, old) ->
                    old == null || old.startMillis < total.windowStart()
                            ? new Window(key, total.windowStart(), total.windowEnd()) : old);
            if (window.startMillis == total.windowStart()) {
                window.elsewhere = Math.max(0, total.requests() - window.shared);
            }
        }
    }
}
