package dev.gatehouse.keymanager.subscriptions.api;

import java.time.Instant;
import java.util.UUID;

public record SubscriptionView(UUID id, UUID applicationId, UUID apiId, String apiName, String apiContext,
        String apiVersion, UUID planId, String planName, SubscriptionStatus status, Instant createdAt) {
}
