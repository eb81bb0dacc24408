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

    /** True when it created the administrator, false when one existed. */
    public boolean createIfNone(String username, String password) {
        if (accounts.anyWithRole(Role.ADMIN)) {
            return false;
        }
        accounts.create(username, username + "@localhost", "Administrator", password,
                EnumSet.of(Role.ADMIN, Role.PUBLISHER, Role.DEVELOPER));
        return true;
    }
}
