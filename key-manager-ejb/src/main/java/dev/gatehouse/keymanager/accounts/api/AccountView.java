package dev.gatehouse.keymanager.accounts.api;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** An account as its owner and administrators see it; never its password. */
public record AccountView(UUID id, String username, String email, String displayName, Set<Role> roles,
        Instant createdAt, boolean passwordChangeRequired) {

    public Caller toCaller() {
        return new Caller(id, username, roles);
    }
}
