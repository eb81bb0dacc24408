package dev.gatehouse.runtime.oauth;

import dev.gatehouse.runtime.JsonOutput;
import dev.gatehouse.keymanager.clients.api.ScopeGrant;
import dev.gatehouse.keymanager.clients.api.AuthenticatedClient;
import dev.gatehouse.keymanager.clients.api.InvalidScope;
import dev.gatehouse.keymanager.clients.api.OAuthConfiguration;
import dev.gatehouse.keymanager.tokens.api.IssuedToken;
import dev.gatehouse.keymanager.tokens.api.TokenRequest;
import dev.gatehouse.keymanager.tokens.api.TokenService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Duration;
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
    TokenService tokens;

    @Override
    public String grantType() {
        return OAuthConfiguration.CLIENT_CREDENTIALS;
    }

    @Override
    public JsonObject grant(AuthenticatedClient client, MultivaluedMap<String, String> form) {
        if (!client.configuration().grantTypes().contains(OAuthConfiguration.CLIENT_CREDENTIALS)) {
            throw OAuthError.unauthorizedClient("The client_credentials grant is not enabled for this client.");
        }
        if (!client.applicationActive()) {
            throw OAuthError.unauthorizedClient("The application is blocked.");
        }
        Set<String> scopes;
        try {
            scopes = ScopeGrant.grant(requestedScopes(form.getFirst("scope")), client.allowedScopes());
        } catch (InvalidScope e) {
            throw OAuthError.invalidScope(e.getMessage());
        }
        IssuedToken token = tokens.issue(new TokenRequest(client.clientId(), client.applicationId(),
                client.environment(), client.secretId(), scopes,
                Duration.ofSeconds(client.configuration().accessTokenLifetimeSeconds())));
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
