package dev.gatehouse.keymanager.audit.api;

import java.time.Instant;

/** One audit event; values that came from callers have their control characters escaped. */
public record AuditEventView(long id, Instant occurredAt, String actor, String action, String targetType,
        String targetId, String outcome, String detail) {
}
