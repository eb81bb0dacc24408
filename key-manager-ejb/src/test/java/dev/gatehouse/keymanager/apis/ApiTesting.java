package dev.gatehouse.keymanager.apis;

import dev.gatehouse.keymanager.apis.api.BackendAddresses;
import dev.gatehouse.keymanager.audit.AuditTesting;
import dev.gatehouse.keymanager.changes.ChangeFeedTesting;
import dev.gatehouse.keymanager.plans.PlanTesting;
import jakarta.persistence.EntityManager;

public final class ApiTesting {
    private ApiTesting() {
    }

    public static ApiRepository repository(EntityManager em) {
        ApiRepository apis = new ApiRepository();
        apis.em = em;
        return apis;
    }

    public static ApiServiceBean on(EntityManager em) {
        ApiServiceBean apis = new ApiServiceBean();
        apis.em = em;
        apis.plans = PlanTesting.on(em);
        apis.changes = ChangeFeedTesting.on(em);
        apis.audit = AuditTesting.on(em);
        apis.trail = AuditTesting.trail(em);
        apis.backends = BackendAddresses.publicOnly();
        return apis;
    }
}
