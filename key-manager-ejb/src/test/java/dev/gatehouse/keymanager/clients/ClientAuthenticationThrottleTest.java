package dev.gatehouse.keymanager.clients;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.keymanager.clients.api.ClientThrottled;
import dev.gatehouse.keymanager.signingkeys.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClientAuthenticationThrottleTest {

    private static final String A = "127.0.0.2";
    private static final String OWNER = "127.0.0.1";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T12:00:00Z"));
    private final ClientAuthenticationThrottle throttle = new ClientAuthenticationThrottle();

    ClientAuthenticationThrottleTest() {
        throttle.clock = clock;
    }

    @Test
    void locksAClientAfterRepeatedFailuresAndReleasesItLater() {
        for (int i = 0; i < ClientAuthenticationThrottle.MAX_FAILURES; i++) {
            assertDoesNotThrow(() -> throttle.check("victim", A));
            throttle.failed("victim", A);
        }

        var locked = assertThrows(ClientThrottled.class, () -> throttle.check("victim", A));
        assertTrue(locked.retryAfterSeconds() > 0 && locked.retryAfterSeconds() <= 31, "" + locked.retryAfterSeconds());
        assertDoesNotThrow(() -> throttle.check("bystander", A));

        clock.advance(ClientAuthenticationThrottle.LOCKOUT.plus(Duration.ofSeconds(1)));
        assertDoesNotThrow(() -> throttle.check("victim", A));
    }

    @Test
    void failuresSpreadOverTimeDoNotLock() {
        for (int i = 0; i < 3 * ClientAuthenticationThrottle.MAX_FAILURES; i++) {
            throttle.failed("slow", A);
            clock.advance(ClientAuthenticationThrottle.WINDOW.dividedBy(3).plusSeconds(1));
        }
        assertDoesNotThrow(() -> throttle.check("slow", A));
    }

    @Test
    void aSuccessForgetsEarlierFailures() {
        for (int i = 0; i < ClientAuthenticationThrottle.MAX_FAILURES - 1; i++) {
            throttle.failed("client", A);
        }
        throttle.succeeded("client", A);
        throttle.failed("client", A);
        assertDoesNotThrow(() -> throttle.check("client", A));
    }

    @Test
    void failuresFromOneAddressNeverRefuseTheClientFromAnother() {
        for (int i = 0; i < 3 * ClientAuthenticationThrottle.MAX_FAILURES; i++) {
            throttle.failed("public-id", A);
        }

        assertThrows(ClientThrottled.class, () -> throttle.check("public-id", A));
        assertDoesNotThrow(() -> throttle.check("public-id", OWNER), "the owner's address is not refused");
    }

    @Test
    void beyondTheBackstopEachFailingAddressGetsOneGuessButTheOwnerIsNeverRefused() {
        // guesses spread over many addresses, each below the per-address limit
        int addresses = ClientAuthenticationThrottle.BACKSTOP_FAILURES / 2 + 1;
        for (int a = 0; a < addresses; a++) {
            throttle.failed("spread", "127.0.1." + a);
            throttle.failed("spread", "127.0.1." + a);
        }
        assertDoesNotThrow(() -> throttle.check("spread", "127.0.2.1"));

        throttle.failed("spread", "127.0.2.1");

        assertThrows(ClientThrottled.class, () -> throttle.check("spread", "127.0.2.1"),
                "past the backstop one failure refuses that address");
        assertDoesNotThrow(() -> throttle.check("spread", OWNER), "an address that never failed is never refused");
    }
}
