package dev.gatehouse.keymanager.revocations;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.config.Config;

/**
 * What revocations need of the configuration: the longest a token may live ({@code gatehouse.tokens.max-lifetime},
 * also read by the tokens and keys features), which is how long a cut-off must be kept.
 */
public record RevocationSettings(Duration tokenMaxLifetime) {

    public RevocationSettings {
        if (tokenMaxLifetime == null || tokenMaxLifetime.isNegative() || tokenMaxLifetime.isZero()) {
            throw new IllegalArgumentException("GH-REV-002 gatehouse.tokens.max-lifetime must be a positive duration");
        }
    }

    public static RevocationSettings from(Config config) {
        String lifetime = config.getOptionalValue("gatehouse.tokens.max-lifetime", String.class).orElse("PT24H").strip();
        try {
            return new RevocationSettings(Duration.parse(lifetime));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("GH-REV-002 gatehouse.tokens.max-lifetime must be an ISO-8601 duration"
                    + " such as PT24H, not " + lifetime);
        }
    }
}
