package dev.gatehouse.keymanager.revocations.api;

import dev.gatehouse.keymanager.tokens.api.TokenClaims;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Every revocation in force, for verifiers that keep them in memory: revoked token ids, the cut-offs of clients and
 * secrets (every token issued before, or within the same second as, the cut-off is revoked), and disabled signing
 * keys (every token they signed), each with the time its revocation ends.
 */
public record RevocationList(Map<String, Instant> tokens, Map<String, Instant> clientCutOffs,
        Map<String, Instant> secretCutOffs, Map<String, Instant> keys) {

    public RevocationList {
        tokens = Map.copyOf(tokens);
        clientCutOffs = Map.copyOf(clientCutOffs);
        secretCutOffs = Map.copyOf(secretCutOffs);
        keys = Map.copyOf(keys);
    }

    public boolean covers(TokenClaims claims) {
        return tokens.containsKey(claims.jti())
                || claims.keyId() != null && keys.containsKey(claims.keyId())
                || issuedBefore(claims, clientCutOffs.get(claims.clientId()))
                || claims.secretId() != null && issuedBefore(claims, secretCutOffs.get(claims.secretId().toString()));
    }

    /** A token's iat has whole seconds: one from the cut-off's own second counts as before it. */
    private static boolean issuedBefore(TokenClaims claims, Instant cutOff) {
        return cutOff != null && !claims.issuedAt().truncatedTo(ChronoUnit.SECONDS)
                .isAfter(cutOff.truncatedTo(ChronoUnit.SECONDS));
    }
}
