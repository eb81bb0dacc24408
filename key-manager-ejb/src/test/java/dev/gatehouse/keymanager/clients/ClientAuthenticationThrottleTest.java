package dev.gatehouse.keymanager.clients;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.keymanager.clients.api.ClientThrottled;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ClientAuthenticationThrottleTest {

    private Instant now = Instant.parse("2026-11-28T12:00:00Z");
    private final ClientAuthenticationThrottle throttle = new ClientAuthenticationThrottle();

    ClientAuthenticationThrottleTest() {
        throttle.clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
    }

    @Test
    void locksAClientAfterRepeatedFailuresAndReleasesItLater() {
        for (int i = 0; i < ClientAuthenticationThrottle.MAX_FAILURES; i++) {
            assertDoesNotThrow(() -> throttle.check("victim"));
            throttle.failed("victim");
        }

        var locked = assertThrows(ClientThrottled.class, () -> throttle.check("victim"));
        assertTrue(locked.retryAfterSeconds() > 0 && locked.retryAfterSeconds() <= 31, "" + locked.retryAfterSeconds());
        assertDoesNotThrow(() -> throttle.check("bystander"));

        now = now.plus(ClientAuthenticationThrottle.LOCKOUT).plus(Duration.ofSeconds(1));
        assertDoesNotThrow(() -> throttle.check("victim"));
    }

    @Test
    void failuresSpreadOverTimeDoNotLock() {
        for (int i = 0; i < 3 * ClientAuthenticationThrottle.MAX_FAILURES; i++) {
            throttle.failed("slow");
            now = now.plus(ClientAuthenticationThrottle.WINDOW.dividedBy(3).plusSeconds(1));
        }
        assertDoesNotThrow(() -> throttle.check("slow"));
    }

    @Test
    void aSuccessForgetsEarlierFailures() {
        for (int i = 0; i < ClientAuthenticationThrottle.MAX_FAILURES - 1; i++) {
            throttle.failed("client");
        }
        throttle.succeeded("client");
        throttle.failed("client");
        assertDoesNotThrow(() -> throttle.check("client"));
    }
}
