package dev.gatehouse.keymanager.subscriptions.api;

public enum SubscriptionStatus {
    ON_HOLD,
    ACTIVE,
    BLOCKED,
    PROD_ONLY_BLOCKED,
    REJECTED
}
