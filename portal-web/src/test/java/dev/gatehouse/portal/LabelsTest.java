package dev.gatehouse.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.gatehouse.keymanager.apis.api.Lifecycle;
import dev.gatehouse.keymanager.subscriptions.api.SubscriptionStatus;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class LabelsTest {

    @Test
    void statesReadAsWords() {
        Labels labels = new Labels();
        assertEquals("Active", labels.of(SubscriptionStatus.ACTIVE));
        assertEquals("On hold", labels.of(SubscriptionStatus.ON_HOLD));
        assertEquals("Blocked in production", labels.of(SubscriptionStatus.PROD_ONLY_BLOCKED));
    }

    @Test
    void lifecycleButtonsAreNamedAfterTheirActions() {
        Labels labels = new Labels();
        for (Lifecycle target : Lifecycle.values()) {
            for (Lifecycle from : Lifecycle.values()) {
                if (from.next().contains(target)) {
                    assertFalse(labels.lifecycleAction(target).equals(target.name()), target + " has an action name");
                    assertFalse(labels.lifecycleConsequence(target).isBlank(), target + " says what it does");
                }
            }
        }
        assertEquals("Publish", labels.lifecycleAction(Lifecycle.PUBLISHED));
        assertEquals("Block", labels.lifecycleAction(Lifecycle.BLOCKED));
    }

    @Test
    void instantsToTheMinuteInTheLocale() {
        Instant instant = Instant.parse("2026-12-01T11:18:42.123456789Z");
        assertEquals("Dec 1, 2026, 11:18\u202fAM".replace('\u202f', ' '),
                Instants.format(instant, Locale.US, ZoneOffset.UTC).replace('\u202f', ' '));
        assertEquals("01.12.2026, 11:18", Instants.format(instant, Locale.GERMANY, ZoneOffset.UTC));
    }
}
