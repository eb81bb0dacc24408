package dev.gatehouse.keymanager.subscriptions;

import jakarta.persistence.EntityManager;

public final class SubscriptionTesting {
    private SubscriptionTesting() {
    }

    public static SubscriptionRepository repository(EntityManager em) {
        SubscriptionRepository subscriptions = new SubscriptionRepository();
        subscriptions.em = em;
        return subscriptions;
    }
}
