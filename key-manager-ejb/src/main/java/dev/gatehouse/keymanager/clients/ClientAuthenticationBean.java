package dev.gatehouse.keymanager.clients;

import dev.gatehouse.keymanager.clients.api.AuthenticatedClient;
import dev.gatehouse.keymanager.clients.api.ClientAuthentication;
import dev.gatehouse.keymanager.clients.api.RegisteredClient;
import java.util.Optional;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/**
 * Client authentication at the introspection and revocation endpoints and for the authorization-code flow; the
 * client-credentials grant does its own.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ClientAuthenticationBean implements ClientAuthentication {

    @EJB
    ClientDirectory directory;

    @Override
    public AuthenticatedClient authenticate(String clientId, String secret, String sourceAddress) {
        return directory.authenticate(clientId, secret, sourceAddress);
    }

    @Override
    public Optional<RegisteredClient> registered(String clientId) {
        return directory.registered(clientId);
    }
}
