package dev.gatehouse.keymanager.guessing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IdentifierGuessingTest {

    private final IdentifierGuessing guesses = new IdentifierGuessing(5, Duration.ofMinutes(1), Duration.ofSeconds(30),
            20, Duration.ofMinutes(10));
    private Instant now = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void eightFailuresFromAnotherAddressLeaveTheOwnerAlone() {
        for (int i = 0; i < 8; i++) {
            guesses.failed("admin", "127.0.0.2", now);
        }

        assertTrue(guesses.lockedFor("admin", "127.0.0.2", now).isPresent());
        assertFalse(guesses.lockedFor("admin", "127.0.0.1", now).isPresent());
    }

    @Test
    void theBackstopSlowsSpreadGuessingAndLiftsWithItsWindow() {
        for (int a = 0; a < 21; a++) {
            guesses.failed("admin", "10.0.0." + a, now);
        }
        guesses.failed("admin", "10.0.1.1", now);

        assertTrue(guesses.lockedFor("admin", "10.0.1.1", now).isPresent(), "one failure locks past the backstop");
        assertFalse(guesses.lockedFor("admin", "10.0.1.2", now).isPresent(), "an address that never failed is free");

        now = now.plus(Duration.ofMinutes(11));
        guesses.failed("admin", "10.0.1.3", now);
        assertFalse(guesses.lockedFor("admin", "10.0.1.3", now).isPresent(), "a new window starts from zero");
    }
}
