package dev.gatehouse.keymanager.plans;

import dev.gatehouse.keymanager.accounts.api.Caller;
import dev.gatehouse.keymanager.accounts.api.Role;
import dev.gatehouse.keymanager.api.BusinessException;
import dev.gatehouse.keymanager.audit.AuditLog;
import dev.gatehouse.keymanager.database.UniqueViolation;
import dev.gatehouse.keymanager.plans.api.InvalidPlan;
import dev.gatehouse.keymanager.plans.api.PlanDefinition;
import dev.gatehouse.keymanager.plans.api.PlanNotFound;
import dev.gatehouse.keymanager.plans.api.PlanService;
import dev.gatehouse.keymanager.plans.api.PlanView;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Stateless
public class PlanServiceBean implements PlanService {

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @EJB
    AuditLog audit;

    @Override
    public List<PlanView> list() {
        return em.createNamedQuery("Plan.all", Plan.class).getResultList().stream().map(Plan::toView).toList();
    }

    @Override
    public PlanView create(Caller administrator, PlanDefinition definition) {
        if (!administrator.has(Role.ADMIN)) {
            throw new InvalidPlan(BusinessException.Kind.DENIED, "admin_role_required", "Only administrators create plans.");
        }
        if ((definition.requestLimit() == null) != (definition.timeUnit() == null)) {
            throw new InvalidPlan(BusinessException.Kind.INVALID, "invalid_plan",
                    "Give requestLimit and timeUnit together, or neither for an unlimited plan.");
        }
        if (definition.burstLimit() != null && definition.requestLimit() == null) {
            throw new InvalidPlan(BusinessException.Kind.INVALID, "invalid_plan", "An unlimited plan has no burst limit.");
        }
        Plan plan = new Plan(definition);
        if (em.createNamedQuery("Plan.countNamed", Long.class).setParameter("key", plan.toView().name().toLowerCase(java.util.Locale.ROOT))
                .getSingleResult() > 0) {
            throw duplicate(definition);
        }
        try {
            em.persist(plan);
            em.flush();
        } catch (PersistenceException e) {
            if (!UniqueViolation.causes(e)) {
                throw e;
            }
            throw duplicate(definition);
        }
        audit.success(administrator.username(), "plan.create", "plan", plan.id(), definition.name());
        return plan.toView();
    }

    private static InvalidPlan duplicate(PlanDefinition definition) {
        return new InvalidPlan(BusinessException.Kind.CONFLICT, "duplicate_plan_name",
                "A plan named \"" + definition.name().strip() + "\" exists already.");
    }

    @Override
    public PlanView get(UUID planId) {
        return Optional.ofNullable(em.find(Plan.class, planId)).map(Plan::toView).orElseThrow(PlanNotFound::new);
    }
}
