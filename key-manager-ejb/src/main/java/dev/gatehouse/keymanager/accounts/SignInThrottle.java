package dev.gatehouse.keymanager.accounts;

import dev.gatehouse.keymanager.guessing.GuessingThrottle;
import dev.gatehouse.keymanager.guessing.IdentifierGuessing;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Slows down password guessing, beyond the cost of the password hash, without letting anyone lock an owner out:
 * <ul>
 * <li>per username and source address: after five failures within a minute from one address, that address is
 * refused for that username for 30 s; beyond 20 failures within ten minutes across addresses, each failing
 * address is refused after one failure (see {@link IdentifierGuessing}). Usernames are public (the
 * administrator's is {@code admin} by default), so failures from elsewhere never refuse the owner;</li>
 * <li>per source address, whatever the username: after {@value #MAX_FAILURES_PER_SOURCE} failures within a minute,
 * the address is refused for a minute, so that one address cannot keep the password checks busy.</li>
 * </ul>
 * Refused checks are not hashed.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SignInThrottle {

    static final int MAX_FAILURES_PER_SOURCE = 30;

    private final IdentifierGuessing guesses = new IdentifierGuessing(5, Duration.ofMinutes(1),
            Duration.ofSeconds(30), 20, Duration.ofMinutes(10));
    private final GuessingThrottle sources = new GuessingThrottle(MAX_FAILURES_PER_SOURCE, Duration.ofMinutes(1),
            Duration.ofMinutes(1));
    Clock clock = Clock.systemUTC();

    /** How long this address stays refused for this username, if it is. */
    public Optional<Duration> lockedFor(String username, String source) {
        var now = clock.instant();
        Optional<Duration> address = sources.lockedFor(source, now);
        Optional<Duration> pair = guesses.lockedFor(key(username), source, now);
        if (address.isPresent() && pair.isPresent()) {
            return Optional.of(address.get().compareTo(pair.get()) > 0 ? address.get() : pair.get());
        }
        return address.isPresent() ? address : pair;
    }

    public void failed(String username, String source) {
        var now = clock.instant();
        sources.failed(source, now);
        guesses.failed(key(username), source, now);
    }

    public void succeeded(String username, String source) {
        guesses.succeeded(key(username), source);
    }

    private static String key(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }
}
