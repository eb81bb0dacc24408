package dev.gatehouse.keymanager.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** Who did what to which object, when, with what outcome. */
@Entity
@Table(name = "audit_events")
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
        this.occurredAt = Instant.now();
        this.actor = truncate(actor, 100);
        this.action = action;
        this.targetType = targetType;
        this.targetId = truncate(targetId, 64);
        this.outcome = outcome;
        this.detail = truncate(detail, 1000);
    }

    private static String truncate(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
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
