package dev.gatehouse.keymanager.tokens.api;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.config.Config;

/**
 * {@code gatehouse.tokens.max-lifetime}: the longest any access token may live, read here alone for the three
 * features that depend on it: tokens (each token's lifetime is capped by it), revocations (a cut-off is kept this
 * long) and signing keys (a retired key stays published this long).
 */
public final class MaxTokenLifetime {

    public static final String KEY = "gatehouse.tokens.max-lifetime";
    private static final String DEFAULT = "PT24H";

    private MaxTokenLifetime() {
    }

    /** At least one second. */
    public static Duration from(Config config) {
        String value = config.getOptionalValue(KEY, String.class).orElse(DEFAULT).strip();
        Duration lifetime;
        try {
            lifetime = Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("GH-TOK-002 " + KEY + " must be an ISO-8601 duration such as "
                    + DEFAULT + ", not " + value);
        }
        if (lifetime.toSeconds() < 1) {
            throw new IllegalArgumentException("GH-TOK-002 " + KEY + " must be at least one second");
        }
        return lifetime;
    }
}
