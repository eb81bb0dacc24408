package dev.gatehouse.keymanager.clients.api;

import dev.gatehouse.keymanager.api.BusinessException;

/** An authenticated client that may not use this grant: not enabled for it, or its application is blocked. */
public class UnauthorizedClient extends BusinessException {
    public UnauthorizedClient(String message) {
        super(Kind.DENIED, "unauthorized_client", message);
    }
}
