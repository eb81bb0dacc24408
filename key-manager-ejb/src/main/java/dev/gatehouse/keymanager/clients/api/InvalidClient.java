package dev.gatehouse.keymanager.clients.api;

import dev.gatehouse.keymanager.api.BusinessException;

/** One answer for an unknown client, a wrong, expired or revoked secret: nothing to learn from it. */
public class InvalidClient extends BusinessException {
    public InvalidClient() {
        super(Kind.DENIED, "invalid_client", "Client authentication failed.");
    }
}
