package dev.gatehouse.keymanager.plans;

import jakarta.persistence.EntityManager;

public final class PlanTesting {
    private PlanTesting() {
    }

    public static PlanServiceBean on(EntityManager em) {
        PlanServiceBean plans = new PlanServiceBean();
        plans.em = em;
        return plans;
    }
}
