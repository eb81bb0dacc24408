package dev.gatehouse.keymanager.authorization.api;

import dev.gatehouse.keymanager.clients.api.ClientCredentials;
import dev.gatehouse.keymanager.tokens.api.IssuedToken;
import jakarta.ejb.Local;
import java.util.Set;

/**
 * The token endpoint's grants that act for a person, each one use case. A confidential client presents its secret;
 * a public client presents its client id alone (its secret is null) and relies on PKCE. Both throw
 * {@code InvalidClient} or {@code ClientThrottled} as client authentication does, {@code UnauthorizedClient} when
 * the grant is not enabled or the application is blocked, and {@link InvalidGrant}.
 */
@Local
public interface PersonGrants {

    /**
     * RFC 6749 §4.1.3 with RFC 7636 §4.6: the code is redeemed once, by the client it was issued to, with the same
     * redirect URI and the PKCE verifier; a refresh token comes with the access token when the client may refresh.
     * A code presented a second time revokes what its first redemption issued.
     */
    IssuedToken authorizationCode(ClientCredentials presented, String code, String redirectUri, String codeVerifier);

    /**
     * RFC 6749 §6: a new access token and a new refresh token (rotation); the one presented is used up. Presenting a
     * used refresh token revokes its whole family and every access token issued from it. Scopes may be narrowed,
     * never widened ({@code InvalidScope}).
     */
    IssuedToken refreshToken(ClientCredentials presented, String refreshToken, Set<String> requestedScopes);

    /**
     * RFC 7009 §2.1 for a refresh token of this (authenticated) client: it, the tokens rotated from the same grant
     * and the access tokens issued beside them are revoked. Anything else is ignored, as the endpoint answers 200
     * all the same.
     */
    void revokeRefreshToken(String clientId, String refreshToken);
}
