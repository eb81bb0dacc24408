package dev.gatehouse.keymanager.clients.api;

import dev.gatehouse.keymanager.api.BusinessException;

public class KeysNotGenerated extends BusinessException {
    public KeysNotGenerated() {
        super(Kind.NOT_FOUND, "keys_not_generated", "No keys have been generated for this environment yet.");
    }
}
