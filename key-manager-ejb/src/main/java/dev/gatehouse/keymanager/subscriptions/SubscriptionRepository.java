package dev.gatehouse.keymanager.subscriptions;

import dev.gatehouse.keymanager.subscriptions.api.SubscriptionStatus;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

/** The subscriptions' table as other features of the key manager need it (the scopes a client may be granted). */
@Dependent
public class SubscriptionRepository {

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    /** The APIs whose operations' scopes the application's tokens may carry: active subscriptions, or sandbox-only. */
    public List<UUID> grantingApiIds(UUID applicationId) {
        return em.createNamedQuery("Subscription.grantingApiIds", UUID.class).setParameter("application", applicationId)
                .setParameter("granting", EnumSet.of(SubscriptionStatus.ACTIVE, SubscriptionStatus.PROD_ONLY_BLOCKED))
                .getResultList();
    }
}
