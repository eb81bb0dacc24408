package dev.gatehouse.keymanager.accounts.api;

import jakarta.ejb.Local;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Optional;

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
}
