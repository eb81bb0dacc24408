package dev.gatehouse.keymanager.subscriptions.api;

import dev.gatehouse.keymanager.api.BusinessException;

/** A subscription rule said no; the reason code tells which. */
public class SubscriptionRefused extends BusinessException {
    public SubscriptionRefused(Kind kind, String reason, String message) {
        super(kind, reason, message);
    }
}
