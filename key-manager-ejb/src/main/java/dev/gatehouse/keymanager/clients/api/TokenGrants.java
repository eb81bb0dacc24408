package dev.gatehouse.keymanager.clients.api;

import dev.gatehouse.keymanager.tokens.api.IssuedToken;
import jakarta.ejb.Local;
import java.util.Set;

/** The token endpoint's grants, each one use case: authenticate the client, check the grant, grant scopes, issue. */
@Local
public interface TokenGrants {

    /**
     * RFC 6749 §4.4: a confidential client gets a token for itself, with the scopes asked for if its subscriptions
     * allow all of them, or every allowed scope when none is asked for. Throws {@link InvalidClient} or
     * {@link ClientThrottled} as {@link ClientAuthentication} does, {@link UnauthorizedClient} when the grant is not
     * enabled for the client or its application is blocked, {@link InvalidScope} for a scope not allowed.
     */
    IssuedToken clientCredentials(ClientCredentials client, Set<String> requestedScopes);
}
