package dev.gatehouse.keymanager.apis;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/**
 * A plan an API offers. An entity rather than an element collection: EclipseLink binds a collection of UUIDs
 * as text, which PostgreSQL refuses for a uuid column.
 */
@Entity
@Table(name = "api_plans")
@IdClass(ApiPlan.Key.class)
@NamedQuery(name = "ApiPlan.deleteOfApi", query = "DELETE FROM ApiPlan p WHERE p.apiId = :api")
@NamedQuery(name = "ApiPlan.planIds", query = "SELECT p.planId FROM ApiPlan p WHERE p.apiId = :api")
public class ApiPlan {

    public record Key(UUID apiId, UUID planId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "api_id")
    private UUID apiId;

    @Id
    @Column(name = "plan_id")
    private UUID planId;

    protected ApiPlan() {
    }

    ApiPlan(UUID apiId, UUID planId) {
        this.apiId = apiId;
        this.planId = planId;
    }
}
