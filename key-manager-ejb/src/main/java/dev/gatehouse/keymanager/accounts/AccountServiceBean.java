package dev.gatehouse.keymanager.accounts;

import dev.gatehouse.keymanager.accounts.api.AccountService;
import dev.gatehouse.keymanager.accounts.api.AccountView;
import dev.gatehouse.keymanager.accounts.api.Caller;
import dev.gatehouse.keymanager.accounts.api.PasswordChecksBusy;
import dev.gatehouse.keymanager.accounts.api.Role;
import dev.gatehouse.keymanager.accounts.api.SignUp;
import dev.gatehouse.keymanager.accounts.api.SignUpClosed;
import dev.gatehouse.keymanager.accounts.api.SignInThrottled;
import dev.gatehouse.keymanager.audit.AuditLog;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
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

    @EJB
    PasswordCheckBudget budget;

    /** PBKDF2; a field so that tests can count the checks. */
    BiPredicate<String, String> passwordMatches = PasswordHashing::matches;

    @Override
    public Optional<Caller> authenticate(String username, String password, String sourceAddress) {
        if (username == null || password == null || username.isBlank() || username.length() > 64) {
            // no account can have such a name: nothing to hash
            return Optional.empty();
        }
        String source = sourceAddress == null || sourceAddress.isBlank() ? "unknown" : sourceAddress;
        // refusals are not audited one by one: the failures that caused them were, and a flood must not become
        // a flood of writes
        throttle.lockedFor(username, source).ifPresent(locked -> {
            throw new SignInThrottled(Math.max(1, locked.toSeconds() + 1));
        });
        if (!budget.tryAcquire()) {
            throw new PasswordChecksBusy(1);
        }
        Optional<Account> account;
        boolean matches;
        try {
            account = accounts.byUsername(username);
            // an unknown user costs a hash too (within the budget), so the answer's timing tells nothing
            matches = passwordMatches.test(password, account.map(Account::passwordHash).orElse(PasswordHashing.DECOY));
        } finally {
            budget.release();
        }
        if (account.isPresent() && matches && account.get().isActive()) {
            throttle.succeeded(username, source);
            return Optional.of(account.get().toCaller());
        }
        throttle.failed(username, source);
        audit.failure(username, "account.authenticate", "account", null, "wrong username or password from " + source);
        return Optional.empty();
    }
}
