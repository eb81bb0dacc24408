package dev.gatehouse.keymanager.clients;

import dev.gatehouse.keymanager.applications.api.ApplicationDeleted;
import dev.gatehouse.keymanager.clients.api.Environment;
import dev.gatehouse.keymanager.revocations.api.RevocationService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * A deleted application's keys go with it (ON DELETE CASCADE); the tokens they were issued live on as signed JWTs,
 * so every one of them is revoked, in the same transaction.
 */
@Dependent
public class DeletedApplicationTokens {

    @Inject
    ClientRepository clients;

    @EJB
    RevocationService revocations;

    void revoke(@Observes ApplicationDeleted deleted) {
        for (Environment environment : Environment.values()) {
            clients.find(deleted.applicationId(), environment)
                    .ifPresent(client -> revocations.revokeClientTokens(client.clientId(), deleted.at()));
        }
    }
}
