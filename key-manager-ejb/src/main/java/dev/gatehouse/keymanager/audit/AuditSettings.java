package dev.gatehouse.keymanager.audit;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.config.Config;

/** How long audit events are kept ({@code gatehouse.audit.retention}, ISO-8601, default 90 days). */
public record AuditSettings(Duration retention) {

    static final String RETENTION = "gatehouse.audit.retention";

    public AuditSettings {
        if (retention == null || retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("GH-AUDIT-002 " + RETENTION + " must be a positive duration");
        }
    }

    public static AuditSettings from(Config config) {
        String retention = config.getOptionalValue(RETENTION, String.class).orElse("P90D").strip();
        try {
            return new AuditSettings(Duration.parse(retention));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("GH-AUDIT-002 " + RETENTION + " must be an ISO-8601 duration such as"
                    + " P90D, not " + retention);
        }
    }
}
