package dev.gatehouse.keymanager.clients.api;

import java.util.Set;
import java.util.UUID;

/**
 * A client as registered, looked up by its public client id alone: what the authorization endpoint checks a
 * request against, and what a public client (which has no secret) is known by. Proves nothing about the caller.
 */
public record RegisteredClient(String clientId, UUID applicationId, Environment environment,
        OAuthConfiguration configuration, boolean applicationActive, Set<String> allowedScopes) {
}
