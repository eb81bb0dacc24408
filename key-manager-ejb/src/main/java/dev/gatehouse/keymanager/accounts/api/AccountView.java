package dev.gatehouse.keymanager.accounts.api;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

public record AccountView(UUID id, String username, String email, String displayName, Set<Role> roles,
        Instant createdAt) {
}
