package dev.gatehouse.keymanager.revocations.api;

import dev.gatehouse.keymanager.tokens.api.TokenClaims;
import jakarta.ejb.Local;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

/**
 * Access tokens are self-contained; these are the ways to end them early. Each revocation is announced on the change
 * feed in the same transaction, so that every instance enforces it, and is kept until the tokens it covers would have
 * expired anyway. A later cut-off for the same client or secret moves the earlier one forward.
 */
@Local
public interface RevocationService {

    /** RFC 7009: the client revokes one of its own tokens (audited with the client as the actor). */
    void revokeToken(@NotBlank @Size(max = 64) String jti, @NotBlank @Size(max = 64) String clientId,
            @NotNull Instant tokenExpiresAt);

    /**
     * Every token of the client issued before the instant (keys regenerated, application blocked or deleted). A token
     * issued within the same second as the cut-off counts as before it: a token's iat has whole seconds, and a
     * revocation must never miss. The caller's use case audits the action that needed the cut-off.
     */
    void revokeClientTokens(@NotBlank @Size(max = 64) String clientId, @NotNull Instant issuedBefore);

    /** Every token obtained with the secret and issued before the instant (same-second rule as for clients). */
    void revokeSecretTokens(@NotNull UUID secretId, @NotNull Instant issuedBefore);

    /**
     * Every token signed with the key, whenever it was issued (a compromised key, disabled). {@code until}: when the
     * last token it could have signed expires.
     */
    void revokeKeyTokens(@NotBlank @Size(max = 64) String kid, @NotNull Instant until);

    boolean isRevoked(@NotNull TokenClaims claims);

    /** Every revocation in force, for the gateway's in-memory check. */
    RevocationList inForce();

    /**
     * Deletes the revocations that no longer cover any token a verifier could accept; returns how many. Runs hourly
     * on every instance.
     */
    int purgeExpired();
}
