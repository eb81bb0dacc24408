package dev.gatehouse.portal.publisher;

import dev.gatehouse.keymanager.subscriptions.api.SubscriptionService;
import dev.gatehouse.keymanager.subscriptions.api.SubscriptionView;
import dev.gatehouse.portal.Outcome;
import dev.gatehouse.portal.account.SignedInDeveloper;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * A publisher's decisions on a subscription, wherever the page lists it (awaiting approval, an API's subscribers);
 * each says what it did to whose application.
 */
@RequestScoped
public class SubscriptionDecisions {

    @EJB
    SubscriptionService subscriptions;

    @Inject
    SignedInDeveloper publisher;

    public void approve(SubscriptionView subscription) {
        Outcome.report(() -> {
            subscriptions.approve(publisher.required(), subscription.id());
            return "Approved: " + whose(subscription);
        });
    }

    public void reject(SubscriptionView subscription) {
        Outcome.report(() -> {
            subscriptions.reject(publisher.required(), subscription.id());
            return "Rejected: " + whose(subscription);
        });
    }

    public void block(SubscriptionView subscription, boolean productionOnly) {
        Outcome.report(() -> {
            subscriptions.block(publisher.required(), subscription.id(), productionOnly);
            return "Blocked" + (productionOnly ? " in production" : "") + ": " + whose(subscription);
        });
    }

    public void unblock(SubscriptionView subscription) {
        Outcome.report(() -> {
            subscriptions.unblock(publisher.required(), subscription.id());
            return "Unblocked: " + whose(subscription);
        });
    }

    private static String whose(SubscriptionView subscription) {
        return subscription.apiName() + " " + subscription.apiVersion() + " for " + subscription.applicationName()
                + " (" + subscription.developer() + ")";
    }
}
