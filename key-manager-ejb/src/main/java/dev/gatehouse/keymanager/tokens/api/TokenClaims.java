package dev.gatehouse.keymanager.tokens.api;

import dev.gatehouse.keymanager.clients.api.Environment;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** The claims of a verified Gatehouse access token. secretId is null for tokens the owner generated. */
public record TokenClaims(String issuer, String subject, String audience, String clientId, UUID applicationId,
        Environment environment, UUID secretId, Set<String> scopes, String jti, Instant issuedAt,
        Instant expiresAt) {
}
