package dev.gatehouse.keymanager.authorization.api;

import java.io.Serializable;
import java.util.function.Function;

/**
 * The parameters of an authorization request (RFC 6749 §4.1.1, RFC 7636 §4.3, OpenID Connect Core §3.1.2.1's
 * nonce), as received: the service checks them. {@code redirectUri} may be null when the client has registered
 * exactly one callback URL.
 */
public record AuthorizationRequest(String clientId, String redirectUri, String responseType, String scope,
        String state, String nonce, String codeChallenge, String codeChallengeMethod) implements Serializable {

    /** The request's parameters, looked up by their names in the specifications. */
    public static AuthorizationRequest of(Function<String, String> parameter) {
        return new AuthorizationRequest(parameter.apply("client_id"), parameter.apply("redirect_uri"),
                parameter.apply("response_type"), parameter.apply("scope"), parameter.apply("state"),
                parameter.apply("nonce"), parameter.apply("code_challenge"), parameter.apply("code_challenge_method"));
    }
}
