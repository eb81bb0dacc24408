package dev.gatehouse.keymanager.guessing;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down guessing per key (a client id, a username, a source address): after {@code maxFailures} failures
 * within {@code window}, the key is locked for {@code lockout}, and the caller refuses it without checking the
 * guess. Other keys are untouched. Kept in memory per instance: it bounds guessing; it is not an account lock.
 * Thread-safe.
 */
public final class GuessingThrottle {

    private static final int MAX_TRACKED = 100_000;

    private record Failures(int count, Instant windowStart, Instant lockedUntil) {
    }

    private final int maxFailures;
    private final Duration window;
    private final Duration lockout;
    private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();

    public GuessingThrottle(int maxFailures, Duration window, Duration lockout) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.lockout = lockout;
    }

    /** How long the key stays locked, if it is. */
    public Optional<Duration> lockedFor(String key, Instant now) {
        Failures current = failures.get(key);
        if (current != null && current.lockedUntil() != null && now.isBefore(current.lockedUntil())) {
            return Optional.of(Duration.between(now, current.lockedUntil()));
        }
        return Optional.empty();
    }

    /** Counts a failure; returns the failures of the key within the current window, this one included. */
    public int failed(String key, Instant now) {
        return failed(key, now, maxFailures);
    }

    /** Counts a failure, locking the key once it has {@code lockAfter} failures within the window. */
    public int failed(String key, Instant now, int lockAfter) {
        if (failures.size() > MAX_TRACKED) {
            failures.values().removeIf(f -> f.windowStart().plus(window).plus(lockout).isBefore(now)
                    && (f.lockedUntil() == null || f.lockedUntil().isBefore(now)));
        }
        return failures.compute(key, (k, previous) -> {
            if (previous == null || previous.windowStart().plus(window).isBefore(now)) {
                return new Failures(1, now, 1 >= lockAfter ? now.plus(lockout) : null);
            }
            int count = previous.count() + 1;
            return new Failures(count, previous.windowStart(), count >= lockAfter ? now.plus(lockout) : null);
        }).count();
    }

    public void succeeded(String key) {
        failures.remove(key);
    }
}
