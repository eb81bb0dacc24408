package dev.gatehouse.keymanager.clients.api;

import java.time.Instant;
import java.util.UUID;

/** A client secret as it may be shown again: everything but its value. */
public record SecretView(UUID id, String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
        Instant revokedAt, boolean active) {
}
