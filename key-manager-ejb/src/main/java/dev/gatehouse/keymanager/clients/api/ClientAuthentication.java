package dev.gatehouse.keymanager.clients.api;

import jakarta.ejb.Local;
import java.util.Optional;

@Local
public interface ClientAuthentication {

    /**
     * Checks a client secret in constant time. Throws {@link InvalidClient} for any failure, the same way and
     * in about the same time for an unknown client id, and {@link ClientThrottled} after repeated failures from
     * the same source address (the caller's IP address; failures from other addresses never refuse it).
     */
    AuthenticatedClient authenticate(String clientId, String secret, String sourceAddress);

    /** The client registered under this public id, proving nothing: see {@link RegisteredClient}. */
    Optional<RegisteredClient> registered(String clientId);
}
