package dev.gatehouse.keymanager.apis;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The APIs' tables as other features of the key manager need them (subscriptions, clients' scopes). */
@Dependent
public class ApiRepository {

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    public Optional<Api> find(UUID apiId) {
        return Optional.ofNullable(em.find(Api.class, apiId));
    }

    public boolean offers(UUID apiId, UUID planId) {
        return em.createNamedQuery("ApiPlan.planIds", UUID.class).setParameter("api", apiId).getResultList()
                .contains(planId);
    }

    /** The APIs this publisher owns. */
    public List<UUID> idsOwnedBy(UUID owner) {
        return em.createNamedQuery("Api.idsOwnedBy", UUID.class).setParameter("owner", owner).getResultList();
    }

    /** Every scope that an operation of these APIs requires. */
    public Set<String> operationScopes(Collection<UUID> apiIds) {
        if (apiIds.isEmpty()) {
            return Set.of();
        }
        return em.createNamedQuery("ApiOperation.ofApis", ApiOperation.class).setParameter("apis", apiIds)
                .getResultStream().flatMap(operation -> operation.requiredScopes().stream())
                .collect(Collectors.toUnmodifiableSet());
    }
}
