package dev.gatehouse.keymanager.clients.api;

import dev.gatehouse.keymanager.api.BusinessException;

public class KeysAlreadyGenerated extends BusinessException {
    public KeysAlreadyGenerated() {
        super(Kind.CONFLICT, "keys_already_generated", "Keys already exist for this environment; add or regenerate a secret instead.");
    }
}
