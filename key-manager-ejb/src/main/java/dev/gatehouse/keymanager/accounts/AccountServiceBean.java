package dev.gatehouse.keymanager.accounts;

import dev.gatehouse.keymanager.accounts.api.AccountNotFound;
import dev.gatehouse.keymanager.accounts.api.AccountPage;
import dev.gatehouse.keymanager.accounts.api.AccountRefused;
import dev.gatehouse.keymanager.accounts.api.AccountService;
import dev.gatehouse.keymanager.accounts.api.AccountView;
import dev.gatehouse.keymanager.accounts.api.Caller;
import dev.gatehouse.keymanager.accounts.api.PasswordChange;
import dev.gatehouse.keymanager.accounts.api.PasswordChecksBusy;
import dev.gatehouse.keymanager.accounts.api.Role;
import dev.gatehouse.keymanager.accounts.api.SignInThrottled;
import dev.gatehouse.keymanager.accounts.api.SignUp;
import dev.gatehouse.keymanager.accounts.api.SignUpClosed;
import dev.gatehouse.keymanager.api.BusinessException.Kind;
import dev.gatehouse.keymanager.audit.AuditLog;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiPredicate;
import org.eclipse.microprofile.config.ConfigProvider;

@Stateless
public class AccountServiceBean implements AccountService {

    static final String SIGNUP_ENABLED = "gatehouse.signup.enabled";
    private static final int MAX_PAGE_SIZE = 100;

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

    /** The throttle's source for password changes: the caller is signed in, its guesses count per account. */
    private static final String PASSWORD_CHANGE = "password-change";

    @Inject
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

    @Override
    public Optional<AccountView> active(UUID accountId) {
        return accounts.find(accountId).filter(Account::isActive).map(Account::toView);
    }

    @Override
    public Optional<Caller> current(UUID accountId) {
        return accounts.find(accountId).filter(Account::isActive).map(Account::toCaller);
    }

    @Override
    public AccountPage accounts(Caller administrator, int page, int size) {
        requireAdministrator(administrator);
        int pageSize = Math.max(1, Math.min(size <= 0 ? 20 : size, MAX_PAGE_SIZE));
        int pageNumber = Math.max(0, page);
        return new AccountPage(accounts.page(pageNumber * pageSize, pageSize).stream().map(Account::toView).toList(),
                pageNumber, pageSize, accounts.count());
    }

    @Override
    public AccountView grantRole(Caller administrator, UUID accountId, Role role) {
        requireAdministrator(administrator);
        Account account = accounts.find(accountId).orElseThrow(AccountNotFound::new);
        if (!account.has(role)) {
            account.grant(role);
            audit.success(administrator.username(), "account.role.grant", "account", accountId,
                    account.username() + " " + role);
        }
        return account.toView();
    }

    @Override
    public AccountView revokeRole(Caller administrator, UUID accountId, Role role) {
        requireAdministrator(administrator);
        // locks every administrator's row first, so two administrators demoting each other cannot leave none
        List<Account> administrators = role == Role.ADMIN ? accounts.withRoleLocked(Role.ADMIN) : List.of();
        Account account = accounts.find(accountId).orElseThrow(AccountNotFound::new);
        if (!account.has(role)) {
            return account.toView();
        }
        if (role == Role.ADMIN && administrators.stream().allMatch(a -> a.id().equals(accountId))) {
            throw new AccountRefused(Kind.CONFLICT, "last_administrator",
                    "This is the last administrator; make another account an administrator first.");
        }
        account.revoke(role);
        audit.success(administrator.username(), "account.role.revoke", "account", accountId,
                account.username() + " " + role);
        return account.toView();
    }

    @Override
    public void changePassword(Caller caller, PasswordChange change) {
        Account account = accounts.find(caller.accountId()).filter(Account::isActive).orElseThrow(AccountNotFound::new);
        // a session left open must not become a way to guess the password: the sign-in throttle counts here too
        boolean locked = throttle.lockedFor(account.username(), PASSWORD_CHANGE).isPresent();
        if (locked || !PasswordHashing.matches(change.currentPassword(), account.passwordHash())) {
            if (!locked) {
                throttle.failed(account.username(), PASSWORD_CHANGE);
            }
            audit.failure(caller.username(), "account.password", "account", caller.accountId(), "wrong current password");
            throw new AccountRefused(Kind.INVALID, "wrong_current_password", "The current password is not right.");
        }
        if (change.newPassword().equals(change.currentPassword())) {
            throw new AccountRefused(Kind.INVALID, "password_unchanged", "Choose a new password that differs from the current one.");
        }
        account.passwordHash(PasswordHashing.hash(change.newPassword()));
        audit.success(caller.username(), "account.password", "account", caller.accountId(), null);
    }

    private static void requireAdministrator(Caller caller) {
        if (!caller.has(Role.ADMIN)) {
            throw new AccountRefused(Kind.DENIED, "admin_role_required", "Only administrators manage accounts and roles.");
        }
    }
}
