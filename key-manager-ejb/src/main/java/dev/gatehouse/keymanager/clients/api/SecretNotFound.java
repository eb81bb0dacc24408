package dev.gatehouse.keymanager.clients.api;

import dev.gatehouse.keymanager.api.BusinessException;

public class SecretNotFound extends BusinessException {
    public SecretNotFound() {
        super(Kind.NOT_FOUND, "secret_not_found", "No such secret.");
    }
}
