package dev.gatehouse.keymanager.accounts.api;

import dev.gatehouse.keymanager.api.BusinessException;

/** An account rule said no; the reason code tells which. */
public class AccountRefused extends BusinessException {
    public AccountRefused(Kind kind, String reason, String message) {
        super(kind, reason, message);
    }
}
