package dev.gatehouse.keymanager.plans;

import dev.gatehouse.keymanager.plans.api.PlanDefinition;
import dev.gatehouse.keymanager.plans.api.PlanView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A business plan (subscription tier): how many requests per unit of time a subscription may make. */
@Entity
@Table(name = "plans")
@NamedQuery(name = "Plan.countNamed", query = "SELECT COUNT(p) FROM Plan p WHERE p.nameKey = :key")
@NamedQuery(name = "Plan.all", query = "SELECT p FROM Plan p ORDER BY COALESCE(p.requestLimit, 9223372036854775807), p.name")
public class Plan {

    @Id
    private UUID id;

    @Column(nullable = false, length = 64)
    private String name;

    @Column(name = "name_key", nullable = false, length = 64)
    private String nameKey;

    @Column(length = 500)
    private String description;

    @Column(name = "request_limit")
    private Long requestLimit;

    @Column(name = "time_unit", length = 8)
    private String timeUnit;

    @Column(name = "burst_limit")
    private Long burstLimit;

    @Column(name = "requires_approval", nullable = false)
    private boolean requiresApproval;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    @Column(name = "row_version")
    private long rowVersion;

    protected Plan() {
    }

    Plan(PlanDefinition definition) {
        this.id = UUID.randomUUID();
        this.name = definition.name().strip();
        this.nameKey = name.toLowerCase(java.util.Locale.ROOT);
        this.description = definition.description();
        this.requestLimit = definition.requestLimit();
        this.timeUnit = definition.timeUnit();
        this.burstLimit = definition.burstLimit();
        this.requiresApproval = definition.requiresApproval();
        this.createdAt = Instant.now();
    }

    public UUID id() {
        return id;
    }

    public boolean requiresApproval() {
        return requiresApproval;
    }

    public PlanView toView() {
        return new PlanView(id, name, description, requestLimit, timeUnit, burstLimit, requiresApproval);
    }
}
