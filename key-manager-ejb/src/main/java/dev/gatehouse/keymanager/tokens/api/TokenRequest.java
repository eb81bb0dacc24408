package dev.gatehouse.keymanager.tokens.api;

import dev.gatehouse.keymanager.clients.api.Environment;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * What an access token is for: its client, application, environment, the secret it is bound to (the one it was
 * obtained with; for a token the application's owner generated, the key set's newest active secret), its scopes and
 * its lifetime (capped by {@code gatehouse.tokens.max-lifetime}), and whom it acts for: {@code subject} is the
 * person's account id for a token obtained through the authorization-code flow, null for the client itself.
 */
public record TokenRequest(String clientId, UUID applicationId, Environment environment, UUID secretId,
        Set<String> scopes, Duration lifetime, String subject) {

    /** A token for the client itself (client_credentials, or its owner's Token: Generate). */
    public TokenRequest(String clientId, UUID applicationId, Environment environment, UUID secretId,
            Set<String> scopes, Duration lifetime) {
        this(clientId, applicationId, environment, secretId, scopes, lifetime, null);
    }

    public TokenRequest {
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("A token needs a client id.");
        }
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(lifetime, "lifetime");
        if (lifetime.toSeconds() < 1) {
            throw new IllegalArgumentException("A token lives at least one second, not " + lifetime + ".");
        }
        scopes = Set.copyOf(scopes);
        for (String scope : scopes) {
            // the scope claim is the space-separated list of them
            if (scope.isEmpty() || scope.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("A scope is one non-empty word: '" + scope + "'.");
            }
        }
    }
}
