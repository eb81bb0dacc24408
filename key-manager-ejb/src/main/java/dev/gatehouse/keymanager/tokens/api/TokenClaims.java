package dev.gatehouse.keymanager.tokens.api;

import dev.gatehouse.keymanager.clients.api.Environment;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * The claims of a verified Gatehouse access token, and the kid of the key that signed it (from its header). subject
 * is the client id for client_credentials tokens; secretId is the secret the token is bound to (null only in owners'
 * tokens issued before they were bound to one); issuedAt and expiresAt have whole seconds, as in the token.
 */
public record TokenClaims(String issuer, String subject, String audience, String clientId, UUID applicationId,
        Environment environment, UUID secretId, Set<String> scopes, String jti, Instant issuedAt,
        Instant expiresAt, String keyId) {

    public TokenClaims {
        scopes = Set.copyOf(scopes);
    }
}
