package dev.gatehouse.keymanager.clients;

import dev.gatehouse.keymanager.clients.api.AuthenticatedClient;
import dev.gatehouse.keymanager.clients.api.ClientAuthentication;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/** Client authentication at the introspection and revocation endpoints; the token endpoint's grants do their own. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ClientAuthenticationBean implements ClientAuthentication {

    @EJB
    ClientDirectory directory;

    @Override
    public AuthenticatedClient authenticate(String clientId, String secret, String sourceAddress) {
        return directory.authenticate(clientId, secret, sourceAddress);
    }
}
