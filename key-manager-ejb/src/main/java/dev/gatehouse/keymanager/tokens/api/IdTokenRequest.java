package dev.gatehouse.keymanager.tokens.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What an ID token says (OpenID Connect Core 1.0 §2): who signed in ({@code subject}, the account id), for which
 * client ({@code aud} and {@code azp}), when they signed in, the client's nonce (null if it sent none), and the
 * person's name and email when the profile and email scopes were granted (else null).
 */
public record IdTokenRequest(String subject, String clientId, String nonce, Instant authTime, Duration lifetime,
        String username, String name, String email) {

    public IdTokenRequest {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(authTime, "authTime");
        Objects.requireNonNull(lifetime, "lifetime");
    }
}
