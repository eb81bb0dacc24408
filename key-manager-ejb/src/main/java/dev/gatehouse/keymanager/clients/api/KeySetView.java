package dev.gatehouse.keymanager.clients.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An application's OAuth2 client in one environment, without secret values. */
public record KeySetView(UUID applicationId, Environment environment, String clientId,
        OAuthConfiguration configuration, List<SecretView> secrets, Instant createdAt) {
}
