package dev.gatehouse.runtime.oauth;

import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * One OAuth2 grant type at the token endpoint, chosen by {@code grant_type}. It reads the grant's parameters and
 * makes one call to the key manager, which authenticates the client, applies the grant's rules and issues.
 */
public interface GrantHandler {

    String grantType();

    /** The token response body, or an {@link OAuthError}. */
    JsonObject grant(ClientCredentialsInRequest.Presented client, MultivaluedMap<String, String> form);
}
