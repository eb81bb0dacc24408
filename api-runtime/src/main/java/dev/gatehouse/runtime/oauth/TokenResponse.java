package dev.gatehouse.runtime.oauth;

import dev.gatehouse.keymanager.authorization.api.InvalidGrant;
import dev.gatehouse.keymanager.clients.api.ClientThrottled;
import dev.gatehouse.keymanager.clients.api.InvalidClient;
import dev.gatehouse.keymanager.clients.api.InvalidScope;
import dev.gatehouse.keymanager.clients.api.UnauthorizedClient;
import dev.gatehouse.keymanager.tokens.api.IssuedToken;
import dev.gatehouse.runtime.JsonOutput;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.function.Supplier;

/** RFC 6749 §5.1 for every grant: the key manager's token as JSON, its refusals as the OAuth errors of §5.2. */
final class TokenResponse {

    private TokenResponse() {
    }

    static JsonObject of(ClientCredentialsInRequest.Presented client, Supplier<IssuedToken> grant) {
        IssuedToken token;
        try {
            token = grant.get();
        } catch (UnauthorizedClient e) {
            throw OAuthError.unauthorizedClient(e.getMessage());
        } catch (InvalidScope e) {
            throw OAuthError.invalidScope(e.getMessage());
        } catch (InvalidGrant e) {
            throw OAuthError.invalidGrant(e.getMessage());
        } catch (InvalidClient | ClientThrottled e) {
            throw client.refusal(e);
        }
        JsonObjectBuilder body = JsonOutput.object()
                .add("access_token", token.accessToken())
                .add("token_type", token.tokenType())
                .add("expires_in", token.expiresIn())
                .add("scope", token.scope());
        if (token.refreshToken() != null) {
            body.add("refresh_token", token.refreshToken());
        }
        if (token.idToken() != null) {
            body.add("id_token", token.idToken());
        }
        return body.build();
    }
}
