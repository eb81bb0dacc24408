package dev.gatehouse.keymanager.accounts;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private final SignInThrottle throttle = new SignInThrottle();
    private Instant now = Instant.parse("2026-11-29T10:00:00Z");

    SignInThrottleTest() {
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
    void fiveFailuresInAMinuteLockTheUsernameWhateverItsCaseForThirtySeconds() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("Alice");
        }
        assertFalse(throttle.isLocked("alice"));

        throttle.failed("ALICE ");

        assertTrue(throttle.isLocked("alice"));
        assertFalse(throttle.isLocked("bob"), "other usernames are untouched");
        now = now.plusSeconds(31);
        assertFalse(throttle.isLocked("alice"));
    }

    @Test
    void aSuccessForgetsEarlierFailures() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("carol");
        }
        throttle.succeeded("carol");
        throttle.failed("carol");

        assertFalse(throttle.isLocked("carol"));
    }
}
