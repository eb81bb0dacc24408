package dev.gatehouse.keymanager.plans;

import dev.gatehouse.keymanager.plans.api.PlanNotFound;
import dev.gatehouse.keymanager.plans.api.PlanService;
import dev.gatehouse.keymanager.plans.api.PlanView;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Stateless
public class PlanServiceBean implements PlanService {

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Override
    public List<PlanView> list() {
        return em.createNamedQuery("Plan.all", Plan.class).getResultList().stream().map(Plan::toView).toList();
    }

    @Override
    public PlanView get(UUID planId) {
        return Optional.ofNullable(em.find(Plan.class, planId)).map(Plan::toView).orElseThrow(PlanNotFound::new);
    }
}
