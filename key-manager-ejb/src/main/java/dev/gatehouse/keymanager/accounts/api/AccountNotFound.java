package dev.gatehouse.keymanager.accounts.api;

import dev.gatehouse.keymanager.api.BusinessException;

public class AccountNotFound extends BusinessException {
    public AccountNotFound() {
        super(Kind.NOT_FOUND, "account_not_found", "No such account.");
    }
}
