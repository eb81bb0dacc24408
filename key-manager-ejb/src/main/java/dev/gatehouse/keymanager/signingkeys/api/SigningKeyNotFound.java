package dev.gatehouse.keymanager.signingkeys.api;

import dev.gatehouse.keymanager.api.BusinessException;

public class SigningKeyNotFound extends BusinessException {

    public SigningKeyNotFound(String kid) {
        super(Kind.NOT_FOUND, "signing_key_not_found", "There is no signing key " + kid + ".");
    }
}
