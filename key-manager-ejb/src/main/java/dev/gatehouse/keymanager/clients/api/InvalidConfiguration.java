package dev.gatehouse.keymanager.clients.api;

import dev.gatehouse.keymanager.api.BusinessException;

public class InvalidConfiguration extends BusinessException {
    public InvalidConfiguration(String message) {
        super(Kind.INVALID, "invalid_configuration", message);
    }
}
