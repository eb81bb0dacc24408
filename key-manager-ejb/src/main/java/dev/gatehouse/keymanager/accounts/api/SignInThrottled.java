package dev.gatehouse.keymanager.accounts.api;

import dev.gatehouse.keymanager.api.BusinessException;

/**
 * Too many failed sign-ins from this source address lately, for this username or for any; the password was not
 * checked. Other addresses are unaffected, so the account's owner elsewhere still signs in.
 */
public class SignInThrottled extends BusinessException {

    private final long retryAfterSeconds;

    public SignInThrottled(long retryAfterSeconds) {
        super(Kind.THROTTLED, "sign_in_throttled",
                "Too many failed sign-ins from your address; retry after " + retryAfterSeconds + " s.");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
