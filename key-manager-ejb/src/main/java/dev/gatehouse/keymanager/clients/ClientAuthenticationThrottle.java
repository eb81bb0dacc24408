package dev.gatehouse.keymanager.clients;

import dev.gatehouse.keymanager.clients.api.ClientThrottled;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down secret guessing per client id: after {@link #MAX_FAILURES} failures within {@link #WINDOW}, that
 * client id is refused for {@link #LOCKOUT} without checking the secret. Other clients are untouched. Kept in
 * memory per instance: it bounds guessing, it is not an account lock.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ClientAuthenticationThrottle {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(1);
    static final Duration LOCKOUT = Duration.ofSeconds(30);
    private static final int MAX_TRACKED = 100_000;

    private record Failures(int count, Instant windowStart, Instant lockedUntil) {
    }

    private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();
    Clock clock = Clock.systemUTC();

    public void check(String clientId) {
        Failures current = failures.get(clientId);
        Instant now = clock.instant();
        if (current != null && current.lockedUntil() != null && now.isBefore(current.lockedUntil())) {
            throw new ClientThrottled(Math.max(1, Duration.between(now, current.lockedUntil()).toSeconds() + 1));
        }
    }

    public void failed(String clientId) {
        Instant now = clock.instant();
        if (failures.size() > MAX_TRACKED) {
            failures.values().removeIf(f -> f.windowStart().plus(WINDOW).plus(LOCKOUT).isBefore(now));
        }
        failures.compute(clientId, (id, previous) -> {
            if (previous == null || previous.windowStart().plus(WINDOW).isBefore(now)) {
                return new Failures(1, now, null);
            }
            int count = previous.count() + 1;
            return new Failures(count, previous.windowStart(), count >= MAX_FAILURES ? now.plus(LOCKOUT) : null);
        });
    }

    public void succeeded(String clientId) {
        failures.remove(clientId);
    }
}
