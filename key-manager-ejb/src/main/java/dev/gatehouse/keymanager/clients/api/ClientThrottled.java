package dev.gatehouse.keymanager.clients.api;

import dev.gatehouse.keymanager.api.BusinessException;

/** Too many wrong secrets for this client id lately; other clients are unaffected. */
public class ClientThrottled extends BusinessException {

    private final long retryAfterSeconds;

    public ClientThrottled(long retryAfterSeconds) {
        super(Kind.THROTTLED, "client_throttled",
                "Too many failed authentications for this client; retry after " + retryAfterSeconds + " s.");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
