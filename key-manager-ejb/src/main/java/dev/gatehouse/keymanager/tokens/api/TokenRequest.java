package dev.gatehouse.keymanager.tokens.api;

import dev.gatehouse.keymanager.clients.api.Environment;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

/** What an access token is for: its client, application, environment, scopes and lifetime. */
public record TokenRequest(String clientId, UUID applicationId, Environment environment, UUID secretId,
        Set<String> scopes, Duration lifetime) {

    public TokenRequest {
        scopes = Set.copyOf(scopes);
    }
}
