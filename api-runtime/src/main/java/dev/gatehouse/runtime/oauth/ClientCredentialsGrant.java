package dev.gatehouse.runtime.oauth;

import dev.gatehouse.runtime.JsonOutput;
import dev.gatehouse.keymanager.clients.api.ClientThrottled;
import dev.gatehouse.keymanager.clients.api.InvalidClient;
import dev.gatehouse.keymanager.clients.api.InvalidScope;
import dev.gatehouse.keymanager.clients.api.OAuthConfiguration;
import dev.gatehouse.keymanager.clients.api.TokenGrants;
import dev.gatehouse.keymanager.clients.api.UnauthorizedClient;
import dev.gatehouse.keymanager.tokens.api.IssuedToken;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** RFC 6749 §4.4: a confidential client gets a token for itself. */
@ApplicationScoped
public class ClientCredentialsGrant implements GrantHandler {

    /** RFC 6749 §3.3 scope-token characters. */
    private static final Pattern SCOPE_TOKEN = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");

    @EJB
    TokenGrants grants;

    @Override
    public String grantType() {
        return OAuthConfiguration.CLIENT_CREDENTIALS;
    }

    @Override
    public JsonObject grant(ClientCredentialsInRequest.Presented client, MultivaluedMap<String, String> form) {
        Set<String> requested = requestedScopes(form.getFirst("scope"));
        IssuedToken token;
        try {
            token = grants.clientCredentials(client.credentials(), requested);
        } catch (UnauthorizedClient e) {
            throw OAuthError.unauthorizedClient(e.getMessage());
        } catch (InvalidScope e) {
            throw OAuthError.invalidScope(e.getMessage());
        } catch (InvalidClient | ClientThrottled e) {
            throw client.refusal(e);
        }
        return JsonOutput.object()
                .add("access_token", token.accessToken())
                .add("token_type", token.tokenType())
                .add("expires_in", token.expiresIn())
                .add("scope", token.scope())
                .build();
    }

    private static Set<String> requestedScopes(String scope) {
        if (scope == null || scope.isBlank()) {
            return Set.of();
        }
        Set<String> requested = Arrays.stream(scope.strip().split(" +")).collect(Collectors.toSet());
        if (!requested.stream().allMatch(token -> SCOPE_TOKEN.matcher(token).matches())) {
            throw OAuthError.invalidScope("Malformed scope.");
        }
        return requested;
    }
}
