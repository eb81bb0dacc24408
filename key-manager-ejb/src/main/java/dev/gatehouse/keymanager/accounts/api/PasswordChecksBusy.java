package dev.gatehouse.keymanager.accounts.api;

import dev.gatehouse.keymanager.api.BusinessException;

/**
 * Every permit for checking a password is in use: the password was not checked. Password checks are slow on
 * purpose and bounded in number, so that a flood of sign-ins cannot take the processors from everything else; the
 * web layers answer "service unavailable, retry after".
 */
public class PasswordChecksBusy extends BusinessException {

    private final long retryAfterSeconds;

    public PasswordChecksBusy(long retryAfterSeconds) {
        super(Kind.THROTTLED, "password_checks_busy",
                "Too many sign-ins are being checked right now; retry after " + retryAfterSeconds + " s.");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
