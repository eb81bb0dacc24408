package dev.gatehouse.keymanager.accounts.api;

import dev.gatehouse.keymanager.api.BusinessException;

public class SignUpClosed extends BusinessException {
    public SignUpClosed() {
        super(Kind.DENIED, "signup_disabled", "Self-signup is disabled on this Gatehouse; ask an administrator for an account.");
    }
}
