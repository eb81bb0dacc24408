package dev.gatehouse.runtime.gateway;

import dev.gatehouse.keymanager.plans.api.PlanView;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The plans' rate limits, per subscription, in fixed windows aligned to the clock (a "per minute" window starts at
 * each whole minute), so that RateLimit-Reset means the same on every node. A plan's burst limit caps each second
 * inside its window. Counting is exact under concurrency: a window admits at most its limit.
 *
 * <p>Counts are per instance; a cluster shares them through its data grid (see the README on clustering).
 */
@ApplicationScoped
class RateLimiter {

    /** A request's place in its subscription's windows. */
    record Decision(boolean allowed, long limit, long remaining, long resetSeconds) {
    }

    private record Window(long startMillis, long endMillis, AtomicLong count) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    /** Empty for an unlimited plan. */
    Optional<Decision> acquire(UUID subscriptionId, PlanView plan, Instant now) {
        if (plan.requestLimit() == null) {
            return Optional.empty();
        }
        long unit = ChronoUnit.valueOf(plan.timeUnit().toUpperCase(Locale.ROOT) + "S").getDuration().toMillis();
        long millis = now.toEpochMilli();
        Window window = window(subscriptionId + "/" + unit, millis, unit);
        long used = window.count().incrementAndGet();
        long reset = Math.max(1, (window.endMillis() - millis + 999) / 1000);
        if (used > plan.requestLimit()) {
            return Optional.of(new Decision(false, plan.requestLimit(), 0, reset));
        }
        if (plan.burstLimit() != null && unit > 1000) {
            Window second = window(subscriptionId + "/burst", millis, 1000);
            if (second.count().incrementAndGet() > plan.burstLimit()) {
                // the request is not served, so it does not use the plan's window
                window.count().decrementAndGet();
                return Optional.of(new Decision(false, plan.requestLimit(), plan.requestLimit() - used + 1,
                        Math.max(1, (second.endMillis() - millis + 999) / 1000)));
            }
        }
        return Optional.of(new Decision(true, plan.requestLimit(), plan.requestLimit() - used, reset));
    }

    private Window window(String key, long millis, long unit) {
        long start = millis - Math.floorMod(millis, unit);
        return windows.compute(key, (k, old) -> old != null && old.startMillis() == start ? old
                : new Window(start, start + unit, new AtomicLong()));
    }

    /** Drops the windows that have ended, so that subscriptions no longer used cost no memory. */
    void forgetEndedWindows(Instant now) {
        long millis = now.toEpochMilli();
        windows.values().removeIf(window -> window.endMillis() <= millis);
    }
}
