package dev.gatehouse.keymanager.clients.api;

import java.util.Set;
import java.util.UUID;

/** A client that proved its secret, with what the token endpoint needs to decide on a grant. */
public record AuthenticatedClient(String clientId, UUID applicationId, Environment environment, UUID secretId,
        OAuthConfiguration configuration, boolean applicationActive, Set<String> allowedScopes) {
}
