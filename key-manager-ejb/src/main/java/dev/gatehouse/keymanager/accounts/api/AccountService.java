package dev.gatehouse.keymanager.accounts.api;

import jakarta.ejb.Local;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Optional;
import java.util.UUID;

@Local
public interface AccountService {

    /** Creates a developer account; refused when self-signup is off or the username or email is taken. */
    AccountView signUp(@NotNull @Valid SignUp signUp);

    /**
     * The caller for these credentials, or empty: one answer for an unknown user and a wrong password. Throws
     * {@link SignInThrottled} after repeated failures from this source address (the caller's IP address), and
     * {@link PasswordChecksBusy} when too many passwords are being checked at once; neither checks the password.
     */
    Optional<Caller> authenticate(String username, String password, String sourceAddress);

    /** The account as it is now, if it is active: its current roles and whether it must change its password. */
    Optional<AccountView> active(@NotNull UUID accountId);

    /**
     * The caller this account is now, if it is active: current roles, password stamp and whether the password must
     * be changed. Callers that remember a sign-in ask on every request, so that role changes, locks and password
     * changes apply at once, on every node (see {@link Caller#samePasswordAs}).
     */
    Optional<Caller> current(@NotNull UUID accountId);

    /** For administrators: every account, by username. */
    AccountPage accounts(@NotNull Caller administrator, int page, int size);

    /** For administrators; audited. */
    AccountView grantRole(@NotNull Caller administrator, @NotNull UUID accountId, @NotNull Role role);

    /** For administrators; audited. The last administrator keeps the ADMIN role. */
    AccountView revokeRole(@NotNull Caller administrator, @NotNull UUID accountId, @NotNull Role role);

    /** The caller's own password, given the current one; clears a required change. Audited. */
    void changePassword(@NotNull Caller caller, @NotNull @Valid PasswordChange change);
}
