package dev.gatehouse.keymanager.accounts;

import dev.gatehouse.keymanager.guessing.GuessingThrottle;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * Slows down password guessing per username, beyond the cost of the password hash: after five failures within a
 * minute, that username is refused for 30 s without checking the password. The refusal looks like any failed
 * sign-in, so it tells a guesser nothing.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SignInThrottle {

    private final GuessingThrottle guesses = new GuessingThrottle(5, Duration.ofMinutes(1), Duration.ofSeconds(30));
    Clock clock = Clock.systemUTC();

    public boolean isLocked(String username) {
        return guesses.lockedFor(key(username), clock.instant()).isPresent();
    }

    public void failed(String username) {
        guesses.failed(key(username), clock.instant());
    }

    public void succeeded(String username) {
        guesses.succeeded(key(username));
    }

    private static String key(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }
}
