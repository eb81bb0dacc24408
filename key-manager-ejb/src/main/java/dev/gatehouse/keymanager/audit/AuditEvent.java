package dev.gatehouse.keymanager.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Who did what to which object, when, with what outcome. Actors, targets and details may come from anyone (a
 * username or client id that failed to authenticate), so control characters are escaped before they are stored or
 * logged: no value can forge a line of the log or of an export.
 */
@Entity
@Table(name = "audit_events")
@NamedQuery(name = "AuditEvent.purge", query = "DELETE FROM AuditEvent e WHERE e.occurredAt < :before")
public class AuditEvent {

    public enum Outcome { SUCCESS, FAILURE, DENIED }

    @Id
    @SequenceGenerator(name = "audit_events_seq", sequenceName = "audit_events_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_events_seq")
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false, length = 100)
    private String actor;

    @Column(nullable = false, length = 64)
    private String action;

    @Column(name = "target_type", length = 32)
    private String targetType;

    @Column(name = "target_id", length = 64)
    private String targetId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Outcome outcome;

    @Column(length = 1000)
    private String detail;

    protected AuditEvent() {
    }

    AuditEvent(String actor, String action, String targetType, String targetId, Outcome outcome, String detail) {
        this(Instant.now(), actor, action, targetType, targetId, outcome, detail);
    }

    AuditEvent(Instant occurredAt, String actor, String action, String targetType, String targetId, Outcome outcome,
            String detail) {
        this.occurredAt = occurredAt;
        this.actor = truncate(escaped(actor), 100);
        this.action = truncate(escaped(action), 64);
        this.targetType = truncate(escaped(targetType), 32);
        this.targetId = truncate(escaped(targetId), 64);
        this.outcome = outcome;
        this.detail = truncate(escaped(detail), 1000);
    }

    private static String truncate(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }

    /**
     * CR, LF, every other control character and the Unicode line separators as visible escapes (backslash-n,
     * backslash-r, backslash-t, backslash-u and four hex digits), and the backslash doubled so that an escape
     * cannot be faked either.
     */
    static String escaped(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String replacement = switch (c) {
                case '\\' -> "\\\\";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                default -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029
                        ? String.format("\\u%04x", (int) c) : null;
            };
            if (replacement != null && out == null) {
                out = new StringBuilder(value.length() + 16).append(value, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? value : out.toString();
    }

    public Long id() {
        return id;
    }

    public String actor() {
        return actor;
    }

    public String action() {
        return action;
    }

    public String targetType() {
        return targetType;
    }

    public String targetId() {
        return targetId;
    }

    public Outcome outcome() {
        return outcome;
    }

    public String detail() {
        return detail;
    }

    public Instant occurredAt() {
        return occurredAt;
    }
}
