package dev.gatehouse.keymanager.subscriptions;

import dev.gatehouse.keymanager.database.VersionedRow;
import dev.gatehouse.keymanager.subscriptions.api.SubscriptionStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
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
public class Subscription extends VersionedRow {

    @Column(name = "application_id", nullable = false)
    private UUID applicationId;

    @Column(name = "api_id", nullable = false)
    private UUID apiId;

    @Column(name = "plan_id", nullable = false)
    private UUID planId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    private SubscriptionStatus status;

    protected Subscription() {
    }

    Subscription(UUID applicationId, UUID apiId, UUID planId, SubscriptionStatus status) {
        super(Instant.now());
        this.applicationId = applicationId;
        this.apiId = apiId;
        this.planId = planId;
        this.status = status;
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

    void status(SubscriptionStatus status) {
        this.status = status;
        changed();
    }

    void plan(UUID planId) {
        this.planId = planId;
        changed();
    }
}
