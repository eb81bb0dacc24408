package dev.gatehouse.keymanager.clients;

import dev.gatehouse.keymanager.clients.api.ClientThrottled;
import dev.gatehouse.keymanager.guessing.IdentifierGuessing;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.time.Clock;
import java.time.Duration;

/**
 * Slows down secret guessing per client id and source address: after {@link #MAX_FAILURES} failures within
 * {@link #WINDOW} from one address, that address is refused for that client id for {@link #LOCKOUT} without
 * checking the secret. The client id is public (it is in every token), so failures from elsewhere never refuse its
 * owner; beyond {@link #BACKSTOP_FAILURES} failures across addresses, each failing address is refused after one
 * failure (see {@link IdentifierGuessing}).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ClientAuthenticationThrottle {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(1);
    static final Duration LOCKOUT = Duration.ofSeconds(30);
    static final int BACKSTOP_FAILURES = 20;
    static final Duration BACKSTOP_WINDOW = Duration.ofMinutes(10);

    private final IdentifierGuessing guesses = new IdentifierGuessing(MAX_FAILURES, WINDOW, LOCKOUT,
            BACKSTOP_FAILURES, BACKSTOP_WINDOW);
    Clock clock = Clock.systemUTC();

    public void check(String clientId, String source) {
        guesses.lockedFor(clientId, source, clock.instant()).ifPresent(locked -> {
            throw new ClientThrottled(Math.max(1, locked.toSeconds() + 1));
        });
    }

    public void failed(String clientId, String source) {
        guesses.failed(clientId, source, clock.instant());
    }

    public void succeeded(String clientId, String source) {
        guesses.succeeded(clientId, source);
    }
}
