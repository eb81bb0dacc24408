package dev.gatehouse.keymanager.clients;

import dev.gatehouse.keymanager.clients.api.AuthenticatedClient;
import dev.gatehouse.keymanager.clients.api.ClientCredentials;
import dev.gatehouse.keymanager.clients.api.OAuthConfiguration;
import dev.gatehouse.keymanager.clients.api.ScopeGrant;
import dev.gatehouse.keymanager.clients.api.TokenGrants;
import dev.gatehouse.keymanager.clients.api.UnauthorizedClient;
import dev.gatehouse.keymanager.tokens.api.IssuedToken;
import dev.gatehouse.keymanager.tokens.api.TokenRequest;
import dev.gatehouse.keymanager.tokens.api.TokenService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Duration;
import java.util.Set;

/** No transaction: a known client's token is made from memory; failures are audited in their own transaction. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class TokenGrantsBean implements TokenGrants {

    @EJB
    ClientDirectory directory;

    @EJB
    TokenService tokens;

    @Override
    public IssuedToken clientCredentials(ClientCredentials presented, Set<String> requestedScopes) {
        AuthenticatedClient client = directory.authenticate(presented.clientId(), presented.secret(),
                presented.sourceAddress());
        if (!client.configuration().grantTypes().contains(OAuthConfiguration.CLIENT_CREDENTIALS)) {
            throw new UnauthorizedClient("The client_credentials grant is not enabled for this client.");
        }
        if (!client.applicationActive()) {
            throw new UnauthorizedClient("The application is blocked.");
        }
        Set<String> scopes = ScopeGrant.grant(requestedScopes, client.allowedScopes());
        return tokens.issue(new TokenRequest(client.clientId(), client.applicationId(), client.environment(),
                client.secretId(), scopes, Duration.ofSeconds(client.configuration().accessTokenLifetimeSeconds())));
    }
}
