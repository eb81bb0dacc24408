package dev.gatehouse.runtime.oauth;

import dev.gatehouse.keymanager.clients.api.OAuthConfiguration;
import dev.gatehouse.keymanager.clients.api.ScopeGrant;
import dev.gatehouse.keymanager.clients.api.TokenGrants;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MultivaluedMap;

/** RFC 6749 §4.4: a confidential client gets a token for itself. */
@ApplicationScoped
public class ClientCredentialsGrant implements GrantHandler {

    @EJB
    TokenGrants grants;

    @Override
    public String grantType() {
        return OAuthConfiguration.CLIENT_CREDENTIALS;
    }

    @Override
    public JsonObject grant(ClientCredentialsInRequest.Presented client, MultivaluedMap<String, String> form) {
        return TokenResponse.of(client, () -> grants.clientCredentials(client.credentials(),
                ScopeGrant.parse(form.getFirst("scope"))));
    }
}
