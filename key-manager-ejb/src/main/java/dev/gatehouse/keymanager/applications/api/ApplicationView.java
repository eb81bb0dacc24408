package dev.gatehouse.keymanager.applications.api;

import java.time.Instant;
import java.util.UUID;

public record ApplicationView(UUID id, String name, String description, ApplicationStatus status,
        Instant createdAt, Instant updatedAt) {
}
