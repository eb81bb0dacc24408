package dev.gatehouse.runtime.oauth;

import dev.gatehouse.keymanager.authorization.api.PersonGrants;
import dev.gatehouse.keymanager.clients.api.OAuthConfiguration;
import dev.gatehouse.keymanager.clients.api.ScopeGrant;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MultivaluedMap;

/** RFC 6749 §6: a refresh token for a new access token and, as it rotates, a new refresh token. */
@ApplicationScoped
public class RefreshTokenGrant implements GrantHandler {

    @EJB
    PersonGrants grants;

    @Override
    public String grantType() {
        return OAuthConfiguration.REFRESH_TOKEN;
    }

    @Override
    public JsonObject grant(ClientCredentialsInRequest.Presented client, MultivaluedMap<String, String> form) {
        String refreshToken = form.getFirst("refresh_token");
        if (refreshToken == null || refreshToken.isBlank()) {
            throw OAuthError.invalidRequest("refresh_token is required.");
        }
        return TokenResponse.of(client, () -> grants.refreshToken(client.credentials(), refreshToken,
                ScopeGrant.parse(form.getFirst("scope"))));
    }
}
