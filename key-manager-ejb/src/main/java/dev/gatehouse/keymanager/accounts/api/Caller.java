package dev.gatehouse.keymanager.accounts.api;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The signed-in account on whose behalf a service method runs; the services check ownership against it.
 * {@code passwordStamp} names the password the account had when it signed in (it changes with every new password,
 * and reveals nothing of it): a remembered sign-in whose stamp is no longer the account's is over.
 * {@code passwordChangeRequired}: the account may do nothing but change its (generated) password.
 */
public record Caller(UUID accountId, String username, Set<Role> roles, String passwordStamp,
        boolean passwordChangeRequired) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    /** A caller made by the product itself or a test, not by a sign-in. */
    public Caller(UUID accountId, String username, Set<Role> roles) {
        this(accountId, username, roles, null, false);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Publishers and administrators manage APIs and subscriptions. */
    public boolean isPublisher() {
        return has(Role.PUBLISHER) || has(Role.ADMIN);
    }

    /** Whether a remembered sign-in as {@code earlier} still holds for the account as it is now. */
    public boolean samePasswordAs(Caller earlier) {
        return accountId.equals(earlier.accountId()) && Objects.equals(passwordStamp, earlier.passwordStamp());
    }
}
