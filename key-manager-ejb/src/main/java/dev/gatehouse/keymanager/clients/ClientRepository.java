package dev.gatehouse.keymanager.clients;

import dev.gatehouse.keymanager.clients.api.Environment;
import dev.gatehouse.keymanager.clients.api.KeysNotGenerated;
import dev.gatehouse.keymanager.clients.api.SecretNotFound;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** OAuth clients and their secrets in the database; joins the calling service's transaction. */
@Dependent
public class ClientRepository {

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

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
        Object status = em.createNativeQuery("SELECT status FROM applications WHERE id = ?1")
                .setParameter(1, applicationId).getSingleResult();
        return "ACTIVE".equals(status);
    }

    /**
     * The scopes a token of this application may carry: those of the operations of the APIs it has active
     * subscriptions to.
     */
    @SuppressWarnings("unchecked")
    Set<String> allowedScopes(UUID applicationId) {
        List<String> lists = em.createNativeQuery("SELECT o.scopes FROM api_operations o"
                        + " JOIN subscriptions s ON s.api_id = o.api_id"
                        + " WHERE s.application_id = ?1 AND s.status IN ('ACTIVE', 'PROD_ONLY_BLOCKED')")
                .setParameter(1, applicationId).getResultList();
        return lists.stream()
                .flatMap(list -> java.util.Arrays.stream(list.split(" ")))
                .filter(scope -> !scope.isBlank())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Written at once: the entities are tied by ids, not JPA relationships, so JPA cannot order the inserts. */
    void add(Object entity) {
        em.persist(entity);
        em.flush();
    }
}
