package dev.gatehouse.keymanager.authorization.api;

/**
 * The parameters of an authorization request (RFC 6749 §4.1.1, RFC 7636 §4.3, OpenID Connect Core §3.1.2.1's
 * nonce), as received: the service checks them. {@code redirectUri} may be null when the client has registered
 * exactly one callback URL.
 */
public record AuthorizationRequest(String clientId, String redirectUri, String responseType, String scope,
        String state, String nonce, String codeChallenge, String codeChallengeMethod) {
}
