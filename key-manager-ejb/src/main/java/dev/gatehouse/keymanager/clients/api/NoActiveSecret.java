package dev.gatehouse.keymanager.clients.api;

import dev.gatehouse.keymanager.api.BusinessException;

/** Every secret of the key set is revoked or expired: nothing may obtain a token for it until a new one is added. */
public class NoActiveSecret extends BusinessException {
    public NoActiveSecret() {
        super(Kind.CONFLICT, "no_active_secret",
                "Generate a secret first: these keys have no active secret, so no token can be issued for them.");
    }
}
