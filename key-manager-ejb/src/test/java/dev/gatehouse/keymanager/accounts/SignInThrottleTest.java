package dev.gatehouse.keymanager.accounts;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.keymanager.signingkeys.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private final SignInThrottle throttle = new SignInThrottle();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T10:00:00Z"));

    SignInThrottleTest() {
        throttle.clock = clock;
    }

    private static final String GUESSER = "127.0.0.2";
    private static final String OWNER = "127.0.0.1";

    private boolean isLocked(String username, String source) {
        return throttle.lockedFor(username, source).isPresent();
    }

    @Test
    void fiveFailuresInAMinuteLockTheUsernameWhateverItsCaseForThirtySecondsFromThatAddressOnly() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("Alice", GUESSER);
        }
        assertFalse(isLocked("alice", GUESSER));

        throttle.failed("ALICE ", GUESSER);

        assertTrue(isLocked("alice", GUESSER));
        assertFalse(isLocked("alice", OWNER), "the owner elsewhere is not locked out");
        assertFalse(isLocked("bob", GUESSER), "other usernames are untouched");
        clock.advance(Duration.ofSeconds(31));
        assertFalse(isLocked("alice", GUESSER));
    }

    @Test
    void aSuccessForgetsEarlierFailures() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("carol", OWNER);
        }
        throttle.succeeded("carol", OWNER);
        throttle.failed("carol", OWNER);

        assertFalse(isLocked("carol", OWNER));
    }

    @Test
    void oneAddressFailingWithManyUsernamesIsRefusedForAnyUsername() {
        for (int i = 0; i < SignInThrottle.MAX_FAILURES_PER_SOURCE; i++) {
            throttle.failed("random-" + i, GUESSER);
        }

        assertTrue(isLocked("someone-else", GUESSER));
        assertFalse(isLocked("someone-else", OWNER));
        clock.advance(Duration.ofSeconds(61));
        assertFalse(isLocked("someone-else", GUESSER));
    }
}
