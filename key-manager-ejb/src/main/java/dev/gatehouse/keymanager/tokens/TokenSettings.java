package dev.gatehouse.keymanager.tokens;

import dev.gatehouse.keymanager.tokens.api.MaxTokenLifetime;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;

/** The access tokens' configuration: who issues them, for whom, and how long any of them may live. */
public record TokenSettings(String issuer, String audience, Duration maxLifetime) {

    public TokenSettings {
        if (issuer == null || issuer.isBlank() || audience == null || audience.isBlank()) {
            throw new IllegalArgumentException("GH-TOK-002 gatehouse.oauth.issuer and gatehouse.oauth.audience must not"
                    + " be empty");
        }
        if (maxLifetime == null || maxLifetime.toSeconds() < 1) {
            throw new IllegalArgumentException("GH-TOK-002 gatehouse.tokens.max-lifetime must be at least one second");
        }
    }

    /** The defaults are in the key manager's {@code META-INF/microprofile-config.properties}, and only there. */
    public static TokenSettings from(Config config) {
        return new TokenSettings(
                config.getValue("gatehouse.oauth.issuer", String.class).strip(),
                config.getValue("gatehouse.oauth.audience", String.class).strip(),
                MaxTokenLifetime.from(config));
    }
}
