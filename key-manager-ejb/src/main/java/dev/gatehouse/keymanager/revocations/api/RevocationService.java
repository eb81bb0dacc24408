package dev.gatehouse.keymanager.revocations.api;

import dev.gatehouse.keymanager.tokens.api.TokenClaims;
import jakarta.ejb.Local;
import java.time.Instant;
import java.util.UUID;

/** Access tokens are self-contained; these are the ways to end them early. */
@Local
public interface RevocationService {

    void revokeToken(String jti, String clientId, Instant tokenExpiresAt);

    /** Every token of the client issued before the instant (keys regenerated, application blocked or deleted). */
    void revokeClientTokens(String clientId, Instant issuedBefore);

    /** Every token obtained with the secret and issued before the instant. */
    void revokeSecretTokens(UUID secretId, Instant issuedBefore);

    boolean isRevoked(TokenClaims claims);
}
