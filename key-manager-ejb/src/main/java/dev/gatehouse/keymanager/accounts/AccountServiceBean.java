package dev.gatehouse.keymanager.accounts;

import dev.gatehouse.keymanager.accounts.api.AccountService;
import dev.gatehouse.keymanager.accounts.api.AccountView;
import dev.gatehouse.keymanager.accounts.api.Caller;
import dev.gatehouse.keymanager.accounts.api.Role;
import dev.gatehouse.keymanager.accounts.api.SignUp;
import dev.gatehouse.keymanager.accounts.api.SignUpClosed;
import dev.gatehouse.keymanager.audit.AuditLog;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;

@Stateless
public class AccountServiceBean implements AccountService {

    static final String SIGNUP_ENABLED = "gatehouse.signup.enabled";

    @Inject
    AccountRepository accounts;

    @EJB
    AuditLog audit;

    @Override
    public AccountView signUp(SignUp signUp) {
        if (!ConfigProvider.getConfig(getClass().getClassLoader())
                .getOptionalValue(SIGNUP_ENABLED, Boolean.class).orElse(true)) {
            throw new SignUpClosed();
        }
        Account account = accounts.create(signUp.username(), signUp.email(), signUp.displayName(), signUp.password(),
                Set.of(Role.DEVELOPER));
        audit.success(account.toCaller().username(), "account.signup", "account", account.toView().id(), null);
        return account.toView();
    }

    @EJB
    SignInThrottle throttle;

    @Override
    public Optional<Caller> authenticate(String username, String password) {
        if (username == null || password == null || username.isBlank() || username.length() > 64) {
            PasswordHashing.matches(String.valueOf(password), PasswordHashing.DECOY);
            return Optional.empty();
        }
        if (throttle.isLocked(username)) {
            // the same work and answer as a wrong password: a lock tells a guesser nothing
            PasswordHashing.matches(password, PasswordHashing.DECOY);
            audit.failure(username, "account.authenticate", "account", null, "too many failures; locked for a while");
            return Optional.empty();
        }
        Optional<Account> account = accounts.byUsername(username);
        boolean matches = PasswordHashing.matches(password, account.map(Account::passwordHash).orElse(PasswordHashing.DECOY));
        if (account.isPresent() && matches && account.get().isActive()) {
            throttle.succeeded(username);
            return Optional.of(account.get().toCaller());
        }
        throttle.failed(username);
        audit.failure(username, "account.authenticate", "account", null, "wrong username or password");
        return Optional.empty();
    }
}
