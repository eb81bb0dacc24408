package dev.gatehouse.keymanager.apis.api;

import dev.gatehouse.keymanager.api.BusinessException;

/** A document or setting the catalog cannot take; the message says what to change. */
public class InvalidApi extends BusinessException {
    public InvalidApi(String reason, String message) {
        super(Kind.INVALID, reason, message);
    }
}
