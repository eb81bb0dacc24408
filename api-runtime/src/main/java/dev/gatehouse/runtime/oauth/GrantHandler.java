package dev.gatehouse.runtime.oauth;

import dev.gatehouse.keymanager.clients.api.AuthenticatedClient;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MultivaluedMap;

/** One OAuth2 grant type at the token endpoint, chosen by {@code grant_type}. */
public interface GrantHandler {

    String grantType();

    /** The token response body, or an {@link OAuthError}. */
    JsonObject grant(AuthenticatedClient client, MultivaluedMap<String, String> form);
}
