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

    /** The caller for these credentials, or empty: one answer for an unknown user and a wrong password. */
    Optional<Caller> authenticate(String username, String password);

    /**
     * The account as it is now, if it is active: its current roles and whether it must change its password. Callers
     * that remember a successful sign-in ask this on every request, so role changes and locks apply at once.
     */
    Optional<AccountView> active(@NotNull UUID accountId);

    /** For administrators: every account, by username. */
    AccountPage accounts(@NotNull Caller administrator, int page, int size);

    /** For administrators; audited. */
    AccountView grantRole(@NotNull Caller administrator, @NotNull UUID accountId, @NotNull Role role);

    /** For administrators; audited. The last administrator keeps the ADMIN role. */
    AccountView revokeRole(@NotNull Caller administrator, @NotNull UUID accountId, @NotNull Role role);

    /** The caller's own password, given the current one; clears a required change. Audited. */
    void changePassword(@NotNull Caller caller, @NotNull @Valid PasswordChange change);
}
