package dev.gatehouse.keymanager.clients;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.keymanager.clients.api.InvalidConfiguration;
import dev.gatehouse.keymanager.clients.api.OAuthConfiguration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OAuthConfigurationRulesTest {

    private static OAuthConfiguration config(Set<String> grants, String callback, boolean pkce, boolean publicClient) {
        return new OAuthConfiguration(grants, 3600, 86_400, callback, pkce, publicClient, false);
    }

    private static void assertRefused(OAuthConfiguration configuration, String hint) {
        var refusal = assertThrows(InvalidConfiguration.class, () -> OAuthConfigurationRules.check(configuration));
        assertTrue(refusal.getMessage().contains(hint), refusal.getMessage());
    }

    @Test
    void theDefaultsAreValid() {
        assertDoesNotThrow(() -> OAuthConfigurationRules.check(OAuthConfiguration.defaults()));
    }

    @Test
    void thePasswordGrantIsNeverOffered() {
        assertRefused(config(Set.of("client_credentials", "password"), null, false, false), "password grant");
    }

    @Test
    void unknownAndEmptyGrantsAreRefused() {
        assertRefused(config(Set.of("implicit"), null, false, false), "Unsupported");
        assertRefused(config(Set.of(), null, false, false), "at least one");
        assertRefused(config(Set.of("refresh_token"), null, false, false), "authorization_code");
    }

    @Test
    void authorizationCodeNeedsACallback() {
        assertRefused(config(Set.of("authorization_code"), null, true, false), "callback URL");
        assertDoesNotThrow(() -> OAuthConfigurationRules.check(
                config(Set.of("authorization_code"), "https://app.example.com/cb", true, false)));
    }

    @Test
    void theTryItConsoleNeedsTheCodeGrantAndStandsInForACallback() {
        assertRefused(new OAuthConfiguration(Set.of("client_credentials"), 3600, 86_400, null, false, false, true),
                "authorization_code");
        assertDoesNotThrow(() -> OAuthConfigurationRules.check(new OAuthConfiguration(
                Set.of("client_credentials", "authorization_code"), 3600, 86_400, null, false, false, true)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://app.example.com/cb", "ftp://app.example.com/cb", "/relative/cb", "https://app.example.com/cb#x", "not a url"})
    void callbacksMustBeAbsoluteHttpsWithoutFragment(String callback) {
        assertThrows(InvalidConfiguration.class,
                () -> OAuthConfigurationRules.check(config(Set.of("authorization_code"), callback, true, false)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:3000/cb", "http://127.0.0.1/cb", "http://[::1]:8080/cb"})
    void httpIsAllowedForLoopbackOnly(String callback) {
        assertDoesNotThrow(() -> OAuthConfigurationRules.check(config(Set.of("authorization_code"), callback, true, false)));
    }

    @Test
    void publicClientsHaveNoSecretAndNeedPkce() {
        assertRefused(config(Set.of("client_credentials"), null, true, true), "public client");
        assertRefused(config(Set.of("authorization_code"), "https://a.example.com/cb", false, true), "PKCE");
    }
}
