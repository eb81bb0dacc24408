package dev.gatehouse.runtime.oauth;

import dev.gatehouse.keymanager.authorization.api.PersonGrants;
import dev.gatehouse.keymanager.clients.api.OAuthConfiguration;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MultivaluedMap;

/** RFC 6749 §4.1.3 with PKCE (RFC 7636 §4.5): a code the person's consent produced, for their tokens. */
@ApplicationScoped
public class AuthorizationCodeGrant implements GrantHandler {

    @EJB
    PersonGrants grants;

    @Override
    public String grantType() {
        return OAuthConfiguration.AUTHORIZATION_CODE;
    }

    @Override
    public JsonObject grant(ClientCredentialsInRequest.Presented client, MultivaluedMap<String, String> form) {
        String code = form.getFirst("code");
        if (code == null || code.isBlank()) {
            throw OAuthError.invalidRequest("code is required.");
        }
        return TokenResponse.of(client, () -> grants.authorizationCode(client.credentials(), code,
                form.getFirst("redirect_uri"), form.getFirst("code_verifier")));
    }
}
