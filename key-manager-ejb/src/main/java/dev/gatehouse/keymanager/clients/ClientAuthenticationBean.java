package dev.gatehouse.keymanager.clients;

import dev.gatehouse.keymanager.audit.AuditLog;
import dev.gatehouse.keymanager.clients.api.AuthenticatedClient;
import dev.gatehouse.keymanager.clients.api.ClientAuthentication;
import dev.gatehouse.keymanager.clients.api.InvalidClient;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@Stateless
public class ClientAuthenticationBean implements ClientAuthentication {

    private static final int MAX_CLIENT_ID_LENGTH = 64;
    /** Compared against when the client id is unknown, so that case costs what a wrong secret costs. */
    private static final String DECOY_HASH = SecretValues.hash(SecretValues.newSecret());

    @Inject
    ClientRepository clients;

    @EJB
    ClientAuthenticationThrottle throttle;

    @EJB
    AuditLog audit;

    @Override
    public AuthenticatedClient authenticate(String clientId, String secret, String sourceAddress) {
        if (clientId == null || clientId.isEmpty() || clientId.length() > MAX_CLIENT_ID_LENGTH || secret == null) {
            throw new InvalidClient();
        }
        String source = sourceAddress == null || sourceAddress.isBlank() ? "unknown" : sourceAddress;
        throttle.check(clientId, source);
        String presented = SecretValues.hash(secret);
        Instant now = Instant.now();
        Optional<OAuthClient> client = clients.byClientId(clientId);
        List<ClientSecret> secrets = client.map(clients::secrets).orElse(List.of());
        ClientSecret matched = null;
        boolean decoy = SecretValues.sameHash(presented, DECOY_HASH);
        for (ClientSecret candidate : secrets) {
            if (SecretValues.sameHash(presented, candidate.secretHash()) && candidate.isActive(now) && !decoy) {
                matched = candidate;
            }
        }
        if (client.isEmpty() || matched == null) {
            throttle.failed(clientId, source);
            audit.failure("client:" + clientId, "client.authenticate", "oauth_client", clientId,
                    (client.isEmpty() ? "unknown client" : "wrong, expired or revoked secret") + " from " + source);
            throw new InvalidClient();
        }
        throttle.succeeded(clientId, source);
        matched.markUsed(now);
        OAuthClient found = client.get();
        return new AuthenticatedClient(found.clientId(), found.applicationId(), found.environment(), matched.id(),
                found.configuration(), clients.isApplicationActive(found.applicationId()),
                clients.allowedScopes(found.applicationId()));
    }
}
