package dev.gatehouse.keymanager.clients;

import dev.gatehouse.keymanager.apis.ApiRepository;
import dev.gatehouse.keymanager.applications.ApplicationRepository;
import dev.gatehouse.keymanager.applications.api.ApplicationStatus;
import dev.gatehouse.keymanager.clients.api.Environment;
import dev.gatehouse.keymanager.clients.api.KeysNotGenerated;
import dev.gatehouse.keymanager.clients.api.SecretNotFound;
import dev.gatehouse.keymanager.subscriptions.SubscriptionRepository;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** OAuth clients and their secrets in the database; joins the calling service's transaction. */
@Dependent
public class ClientRepository {

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Inject
    ApplicationRepository applications;

    @Inject
    SubscriptionRepository subscriptions;

    @Inject
    ApiRepository apis;

    Optional<OAuthClient> find(UUID applicationId, Environment environment) {
        return em.createNamedQuery("OAuthClient.ofApplication", OAuthClient.class)
                .setParameter("application", applicationId)
                .setParameter("environment", environment)
                .getResultStream().findFirst();
    }

    OAuthClient get(UUID applicationId, Environment environment) {
        return find(applicationId, environment).orElseThrow(KeysNotGenerated::new);
    }

    Optional<OAuthClient> byClientId(String clientId) {
        return em.createNamedQuery("OAuthClient.byClientId", OAuthClient.class)
                .setParameter("clientId", clientId)
                .getResultStream().findFirst();
    }

    List<ClientSecret> secrets(OAuthClient client) {
        return em.createNamedQuery("ClientSecret.ofClient", ClientSecret.class)
                .setParameter("client", client.id()).getResultList();
    }

    ClientSecret secret(OAuthClient client, UUID secretId) {
        ClientSecret secret = em.find(ClientSecret.class, secretId);
        if (secret == null || !secrets(client).stream().anyMatch(s -> s.id().equals(secretId))) {
            throw new SecretNotFound();
        }
        return secret;
    }

    boolean isApplicationActive(UUID applicationId) {
        return applications.status(applicationId).filter(ApplicationStatus.ACTIVE::equals).isPresent();
    }

    /**
     * The scopes a token of this application may carry: those of the operations of the APIs it has active
     * subscriptions to.
     */
    Set<String> allowedScopes(UUID applicationId) {
        return apis.operationScopes(subscriptions.grantingApiIds(applicationId));
    }

    /** Written at once: the entities are tied by ids, not JPA relationships, so JPA cannot order the inserts. */
    void add(Object entity) {
        em.persist(entity);
        em.flush();
    }
}
