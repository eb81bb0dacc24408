package dev.gatehouse.keymanager.usage;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.config.Config;

/**
 * How long usage is kept: minute buckets and the recent refusals {@code gatehouse.usage.minute-retention}
 * (default 48 hours), hour buckets {@code gatehouse.usage.hour-retention} (default 90 days).
 */
record UsageSettings(Duration minuteRetention, Duration hourRetention) {

    static final String MINUTE_RETENTION = "gatehouse.usage.minute-retention";
    static final String HOUR_RETENTION = "gatehouse.usage.hour-retention";

    static UsageSettings from(Config config) {
        return new UsageSettings(duration(config, MINUTE_RETENTION, "PT48H"), duration(config, HOUR_RETENTION, "P90D"));
    }

    private static Duration duration(Config config, String key, String fallback) {
        String text = config.getOptionalValue(key, String.class).orElse(fallback).strip();
        try {
            Duration value = Duration.parse(text);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("GH-USE-002 " + key + " must be a positive duration, not " + text);
            }
            return value;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("GH-USE-002 " + key + " must be an ISO-8601 duration such as "
                    + fallback + ", not " + text);
        }
    }
}
