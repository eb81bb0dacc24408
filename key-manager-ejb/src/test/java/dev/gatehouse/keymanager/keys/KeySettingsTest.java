package dev.gatehouse.keymanager.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeySettingsTest {

    @Test
    void theDefaultsAreRs256ThirtyDaysFiveMinutesAndTwentyFourHours() {
        assertEquals(new KeySettings(SigningAlgorithm.RS256, Duration.ofDays(30), Duration.ofMinutes(5),
                Duration.ofHours(24)), KeySettings.from(MapConfig.of(Map.of())));
    }

    @Test
    void everyValueIsConfigurable() {
        assertEquals(new KeySettings(SigningAlgorithm.ES256, Duration.ofDays(7), Duration.ofMinutes(15),
                Duration.ofHours(2)), KeySettings.from(MapConfig.of(Map.of(
                        "gatehouse.tokens.algorithm", "ES256",
                        "gatehouse.keys.rotation-period", "P7D",
                        "gatehouse.keys.publication-delay", "PT15M",
                        "gatehouse.tokens.max-lifetime", "PT2H"))));
    }

    @Test
    void aWrongValueIsNamedAtStart() {
        for (Map<String, String> wrong : new Map[] {
                Map.of("gatehouse.tokens.algorithm", "HS256"),
                Map.of("gatehouse.tokens.algorithm", "none"),
                Map.of("gatehouse.keys.rotation-period", "30 days"),
                Map.of("gatehouse.keys.rotation-period", "PT0S"),
                Map.of("gatehouse.keys.publication-delay", "-PT5M"),
                Map.of("gatehouse.tokens.max-lifetime", "P0D")}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> KeySettings.from(MapConfig.of(wrong)));
            assertTrue(refused.getMessage().startsWith("GH-KEY-007"), refused.getMessage());
            assertTrue(refused.getMessage().contains(wrong.keySet().iterator().next()), refused.getMessage());
        }
    }
}
