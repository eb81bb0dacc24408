package dev.gatehouse.keymanager.accounts;

import dev.gatehouse.keymanager.accounts.api.Role;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.EnumSet;

/**
 * The transactional half of {@link AdministratorBootstrap}. A top-level class: WildFly refuses an enterprise bean
 * that is a nested class ({@code WFLYEJB0128 ... must not be inner class}).
 */
@Stateless
public class AdministratorCreation {

    @Inject
    AccountRepository accounts;

    /**
     * True when it created the administrator, false when one existed. A generated password has been in the log, so
     * it must be changed before the account can do anything else.
     */
    public boolean createIfNone(String username, String password, boolean generated) {
        if (accounts.anyWithRole(Role.ADMIN)) {
            return false;
        }
        Account administrator = accounts.create(username, username + "@localhost", "Administrator", password,
                EnumSet.of(Role.ADMIN, Role.PUBLISHER, Role.DEVELOPER));
        if (generated) {
            administrator.requirePasswordChange();
        }
        return true;
    }
}
