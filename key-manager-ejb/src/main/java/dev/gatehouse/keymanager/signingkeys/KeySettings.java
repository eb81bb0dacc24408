package dev.gatehouse.keymanager.signingkeys;

import dev.gatehouse.keymanager.tokens.api.MaxTokenLifetime;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import org.eclipse.microprofile.config.Config;

/** The signing keys' configuration; {@link MaxTokenLifetime} says how long a retired key must stay published. */
public record KeySettings(SigningAlgorithm algorithm, Duration rotationPeriod, Duration publicationDelay,
        Duration tokenMaxLifetime) {

    public KeySettings {
        if (algorithm == null) {
            throw new IllegalArgumentException("algorithm is required");
        }
        requirePositive("gatehouse.keys.rotation-period", rotationPeriod);
        if (publicationDelay == null || publicationDelay.isNegative()) {
            throw new IllegalArgumentException("GH-KEY-007 gatehouse.keys.publication-delay must not be negative");
        }
        requirePositive("gatehouse.tokens.max-lifetime", tokenMaxLifetime);
    }

    public static KeySettings from(Config config) {
        String algorithm = config.getOptionalValue("gatehouse.tokens.algorithm", String.class).orElse("RS256").strip();
        return new KeySettings(
                Arrays.stream(SigningAlgorithm.values()).filter(a -> a.name().equals(algorithm)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("GH-KEY-007 gatehouse.tokens.algorithm must be "
                                + Arrays.toString(SigningAlgorithm.values()) + ", not " + algorithm)),
                duration(config, "gatehouse.keys.rotation-period", "P30D"),
                duration(config, "gatehouse.keys.publication-delay", "PT5M"),
                MaxTokenLifetime.from(config));
    }

    private static Duration duration(Config config, String key, String fallback) {
        String value = config.getOptionalValue(key, String.class).orElse(fallback).strip();
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("GH-KEY-007 " + key + " must be an ISO-8601 duration such as "
                    + fallback + ", not " + value);
        }
    }

    private static void requirePositive(String key, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("GH-KEY-007 " + key + " must be a positive duration");
        }
    }
}
