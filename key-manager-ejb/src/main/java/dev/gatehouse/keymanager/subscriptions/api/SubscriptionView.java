package dev.gatehouse.keymanager.subscriptions.api;

import java.time.Instant;
import java.util.UUID;

/** applicationName and developer (the developer's display name) tell a publisher whose subscription it is. */
public record SubscriptionView(UUID id, UUID applicationId, String applicationName, String developer, UUID apiId,
        String apiName, String apiContext, String apiVersion, UUID planId, String planName, SubscriptionStatus status,
        Instant createdAt) {
}
