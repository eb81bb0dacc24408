package dev.gatehouse.keymanager.subscriptions;

import dev.gatehouse.keymanager.subscriptions.api.SubscriptionStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "subscriptions")
@NamedQuery(name = "Subscription.ofApplication",
        query = "SELECT s FROM Subscription s WHERE s.applicationId = :application ORDER BY s.createdAt")
@NamedQuery(name = "Subscription.withStatus", query = "SELECT s FROM Subscription s WHERE s.status = :status ORDER BY s.createdAt, s.id")
@NamedQuery(name = "Subscription.toApi", query = "SELECT s FROM Subscription s WHERE s.apiId = :api ORDER BY s.createdAt")
@NamedQuery(name = "Subscription.withStatusCount", query = "SELECT COUNT(s) FROM Subscription s WHERE s.status = :status")
@NamedQuery(name = "Subscription.withStatusToApisCount", query = "SELECT COUNT(s) FROM Subscription s"
        + " WHERE s.status = :status AND s.apiId IN :apis")
@NamedQuery(name = "Subscription.withStatusToApis", query = "SELECT s FROM Subscription s WHERE s.status = :status"
        + " AND s.apiId IN :apis ORDER BY s.createdAt, s.id")
@NamedQuery(name = "Subscription.grantingApiIds", query = "SELECT s.apiId FROM Subscription s"
        + " WHERE s.applicationId = :application AND s.status IN :granting")
@NamedQuery(name = "Subscription.of",
        query = "SELECT s FROM Subscription s WHERE s.applicationId = :application AND s.apiId = :api")
public class Subscription {

    @Id
    private UUID id;

    @Column(name = "application_id", nullable = false)
    private UUID applicationId;

    @Column(name = "api_id", nullable = false)
    private UUID apiId;

    @Column(name = "plan_id", nullable = false)
    private UUID planId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    private SubscriptionStatus status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "row_version")
    private long rowVersion;

    protected Subscription() {
    }

    Subscription(UUID applicationId, UUID apiId, UUID planId, SubscriptionStatus status) {
        this.id = UUID.randomUUID();
        this.applicationId = applicationId;
        this.apiId = apiId;
        this.planId = planId;
        this.status = status;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    UUID id() {
        return id;
    }

    UUID applicationId() {
        return applicationId;
    }

    UUID apiId() {
        return apiId;
    }

    UUID planId() {
        return planId;
    }

    SubscriptionStatus status() {
        return status;
    }

    Instant createdAt() {
        return createdAt;
    }

    void status(SubscriptionStatus status) {
        this.status = status;
        this.updatedAt = Instant.now();
    }

    void plan(UUID planId) {
        this.planId = planId;
        this.updatedAt = Instant.now();
    }
}
