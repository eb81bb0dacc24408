package dev.gatehouse.keymanager.clients;

import dev.gatehouse.keymanager.clients.api.ClientThrottled;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import dev.gatehouse.keymanager.guessing.GuessingThrottle;
import jakarta.ejb.Singleton;
import java.time.Clock;
import java.time.Duration;

/**
 * Slows down secret guessing per client id: after {@link #MAX_FAILURES} failures within {@link #WINDOW}, that
 * client id is refused for {@link #LOCKOUT} without checking the secret (see {@link GuessingThrottle}).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ClientAuthenticationThrottle {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(1);
    static final Duration LOCKOUT = Duration.ofSeconds(30);

    private final GuessingThrottle guesses = new GuessingThrottle(MAX_FAILURES, WINDOW, LOCKOUT);
    Clock clock = Clock.systemUTC();

    public void check(String clientId) {
        guesses.lockedFor(clientId, clock.instant()).ifPresent(locked -> {
            throw new ClientThrottled(Math.max(1, locked.toSeconds() + 1));
        });
    }

    public void failed(String clientId) {
        guesses.failed(clientId, clock.instant());
    }

    public void succeeded(String clientId) {
        guesses.succeeded(clientId);
    }
}
