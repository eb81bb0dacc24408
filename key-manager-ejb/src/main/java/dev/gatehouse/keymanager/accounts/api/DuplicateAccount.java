package dev.gatehouse.keymanager.accounts.api;

import dev.gatehouse.keymanager.api.BusinessException;

public class DuplicateAccount extends BusinessException {
    public DuplicateAccount() {
        super(Kind.CONFLICT, "duplicate_account", "An account with this username or email already exists.");
    }
}
