package dev.gatehouse.keymanager.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gatehouse.keymanager.clients.api.Environment;
import dev.gatehouse.keymanager.keys.MapConfig;
import dev.gatehouse.keymanager.tokens.api.TokenRequest;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TokenRequestTest {

    private static TokenRequest request(String clientId, Set<String> scopes, Duration lifetime) {
        return new TokenRequest(clientId, UUID.randomUUID(), Environment.PRODUCTION, null, scopes, lifetime);
    }

    @Test
    void aRequestNamesItsClientLivesAtLeastASecondAndHasOneWordScopes() {
        assertThrows(IllegalArgumentException.class, () -> request(" ", Set.of(), Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> request("client", Set.of(), Duration.ofMillis(999)));
        assertThrows(IllegalArgumentException.class, () -> request("client", Set.of(), Duration.ofSeconds(-60)));
        assertThrows(IllegalArgumentException.class, () -> request("client", Set.of("read write"), Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> request("client", Set.of(""), Duration.ofMinutes(1)));
        assertThrows(NullPointerException.class, () -> new TokenRequest("client", null, Environment.SANDBOX, null,
                Set.of(), Duration.ofMinutes(1)));
    }

    @Test
    void theScopesAreCopied() {
        Set<String> scopes = new HashSet<>(Set.of("read"));
        TokenRequest request = request("client", scopes, Duration.ofMinutes(1));
        scopes.add("admin");

        assertEquals(Set.of("read"), request.scopes());
        assertThrows(UnsupportedOperationException.class, () -> request.scopes().add("admin"));
    }

    @Test
    void settingsHaveTheDocumentedDefaults() {
        assertEquals(new TokenSettings("http://localhost:8080", "gatehouse", Duration.ofHours(24)),
                TokenSettings.from(MapConfig.of(Map.of())));
        assertEquals(new TokenSettings("https://api.example", "shop", Duration.ofHours(1)),
                TokenSettings.from(MapConfig.of(Map.of("gatehouse.oauth.issuer", "https://api.example",
                        "gatehouse.oauth.audience", "shop", "gatehouse.tokens.max-lifetime", "PT1H"))));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> TokenSettings.from(MapConfig.of(Map.of("gatehouse.tokens.max-lifetime", "24h"))));
        assertEquals(true, refused.getMessage().contains("gatehouse.tokens.max-lifetime"));
    }
}
