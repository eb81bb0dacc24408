package dev.gatehouse.portal.publisher;

import dev.gatehouse.keymanager.accounts.api.Role;
import dev.gatehouse.keymanager.plans.api.PlanDefinition;
import dev.gatehouse.keymanager.plans.api.PlanService;
import dev.gatehouse.keymanager.plans.api.PlanView;
import dev.gatehouse.portal.Outcome;
import dev.gatehouse.portal.account.SignedInDeveloper;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** publisher/plans.xhtml: the business plans APIs offer; administrators create them (the service checks). */
@Named
@ViewScoped
public class PlansPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient PlanService plans;

    @Inject
    SignedInDeveloper publisher;

    private List<PlanView> allPlans = List.of();
    private String planName;
    private String planDescription;
    private Long requestLimit;
    private String timeUnit = "MINUTE";
    private Long burstLimit;
    private boolean requiresApproval;

    public void load() {
        allPlans = plans.list();
    }

    /** No limit makes an unlimited plan. */
    public void createPlan() {
        Outcome.report(() -> {
            PlanView plan = plans.create(publisher.required(), new PlanDefinition(planName, planDescription,
                    requestLimit, requestLimit == null ? null : timeUnit, burstLimit, requiresApproval));
            planName = null;
            planDescription = null;
            requestLimit = null;
            burstLimit = null;
            requiresApproval = false;
            return "Plan " + plan.name() + " created: " + plan.limitText()
                    + (plan.requiresApproval() ? ", subscriptions need approval" : "");
        });
        load();
    }

    public boolean isAdministrator() {
        return publisher.caller().map(caller -> caller.has(Role.ADMIN)).orElse(false);
    }

    public List<PlanView> getAllPlans() { return allPlans; }
    public String getPlanName() { return planName; }
    public void setPlanName(String planName) { this.planName = planName; }
    public String getPlanDescription() { return planDescription; }
    public void setPlanDescription(String planDescription) { this.planDescription = planDescription; }
    public Long getRequestLimit() { return requestLimit; }
    public void setRequestLimit(Long requestLimit) { this.requestLimit = requestLimit; }
    public String getTimeUnit() { return timeUnit; }
    public void setTimeUnit(String timeUnit) { this.timeUnit = timeUnit; }
    public Long getBurstLimit() { return burstLimit; }
    public void setBurstLimit(Long burstLimit) { this.burstLimit = burstLimit; }
    public boolean isRequiresApproval() { return requiresApproval; }
    public void setRequiresApproval(boolean requiresApproval) { this.requiresApproval = requiresApproval; }
}
