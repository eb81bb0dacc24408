package dev.gatehouse.keymanager.subscriptions.api;

import dev.gatehouse.keymanager.api.BusinessException;

public class SubscriptionNotFound extends BusinessException {
    public SubscriptionNotFound() {
        super(Kind.NOT_FOUND, "subscription_not_found", "No such subscription.");
    }
}
