package dev.gatehouse.keymanager.accounts.api;

import java.util.Set;
import java.util.UUID;

/** The signed-in account on whose behalf a service method runs; the services check ownership against it. */
public record Caller(UUID accountId, String username, Set<Role> roles) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Publishers and administrators manage APIs and subscriptions. */
    public boolean isPublisher() {
        return has(Role.PUBLISHER) || has(Role.ADMIN);
    }
}
