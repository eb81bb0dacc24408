package dev.gatehouse.portal.publisher;

import dev.gatehouse.keymanager.accounts.api.Caller;
import dev.gatehouse.keymanager.apis.api.ApiImport;
import dev.gatehouse.keymanager.apis.api.ApiService;
import dev.gatehouse.keymanager.apis.api.ApiView;
import dev.gatehouse.keymanager.apis.api.Lifecycle;
import dev.gatehouse.keymanager.accounts.api.Role;
import dev.gatehouse.keymanager.plans.api.PlanDefinition;
import dev.gatehouse.keymanager.plans.api.PlanService;
import dev.gatehouse.keymanager.plans.api.PlanView;
import dev.gatehouse.keymanager.subscriptions.api.SubscriptionService;
import dev.gatehouse.keymanager.subscriptions.api.SubscriptionStatus;
import dev.gatehouse.keymanager.subscriptions.api.SubscriptionView;
import dev.gatehouse.portal.Labels;
import dev.gatehouse.portal.Outcome;
import dev.gatehouse.portal.account.SignedInDeveloper;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * publisher/index.xhtml, for publishers and administrators (web.xml): create an API from an OpenAPI document, move
 * APIs through their lifecycle, approve or reject subscriptions awaiting approval, block and unblock subscriptions;
 * administrators also create business plans.
 * The services check the role again on every action.
 */
@Named
@ViewScoped
public class PublisherConsole implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient ApiService apis;

    @EJB
    transient PlanService plans;

    @EJB
    transient SubscriptionService subscriptions;

    @Inject
    Labels labels;

    @Inject
    SignedInDeveloper publisher;

    private List<ApiView> allApis = List.of();
    private List<PlanView> allPlans = List.of();
    private List<SubscriptionView> awaiting = List.of();
    private List<SubscriptionView> active = List.of();
    private List<SubscriptionView> blocked = List.of();

    // the Create API form
    private String document;
    private String context;
    private String version;
    private String endpointType = "MOCK";
    private String productionUrl;
    private String sandboxUrl;
    private boolean forwardToken;
    private List<String> planIds = new ArrayList<>();

    // the New plan form (administrators)
    private String planName;
    private String planDescription;
    private Long requestLimit;
    private String timeUnit = "MINUTE";
    private Long burstLimit;
    private boolean requiresApproval;

    public void load() {
        Caller caller = publisher.required();
        allApis = apis.listAll(caller);
        allPlans = plans.list();
        awaiting = subscriptions.withStatus(caller, SubscriptionStatus.ON_HOLD);
        active = subscriptions.withStatus(caller, SubscriptionStatus.ACTIVE);
        List<SubscriptionView> stopped = new ArrayList<>(subscriptions.withStatus(caller, SubscriptionStatus.BLOCKED));
        stopped.addAll(subscriptions.withStatus(caller, SubscriptionStatus.PROD_ONLY_BLOCKED));
        blocked = stopped;
    }

    public void create() {
        Set<UUID> offered = planIds.stream().map(UUID::fromString).collect(Collectors.toSet());
        act(() -> {
            ApiView created = apis.importApi(publisher.required(), new ApiImport(document, context, blankToNull(version),
                    endpointType, blankToNull(productionUrl), blankToNull(sandboxUrl), forwardToken, offered));
            document = null;
            context = null;
            version = null;
            return "Created " + created.name() + " " + created.version() + " at /api/" + created.context() + "/"
                    + created.version() + "; publish it to list it in the catalog";
        });
    }

    /** Administrators only (the service says so to anyone else); no limit makes an unlimited plan. */
    public void createPlan() {
        act(() -> {
            PlanView plan = plans.create(publisher.required(), new PlanDefinition(planName, planDescription, requestLimit,
                    requestLimit == null ? null : timeUnit, burstLimit, requiresApproval));
            planName = null;
            planDescription = null;
            requestLimit = null;
            burstLimit = null;
            requiresApproval = false;
            return "Plan " + plan.name() + " created: " + plan.limitText()
                    + (plan.requiresApproval() ? ", subscriptions need approval" : "");
        });
    }

    public void moveTo(ApiView api, Lifecycle target) {
        act(() -> {
            apis.changeLifecycle(publisher.required(), api.id(), target);
            return api.name() + " " + api.version() + ": " + labels.of(target).toLowerCase(Locale.ROOT);
        });
    }

    public void approve(SubscriptionView subscription) {
        act(() -> {
            subscriptions.approve(publisher.required(), subscription.id());
            return "Approved: " + subscription.apiName() + " for the application";
        });
    }

    public void reject(SubscriptionView subscription) {
        act(() -> {
            subscriptions.reject(publisher.required(), subscription.id());
            return "Rejected: " + subscription.apiName() + " for the application";
        });
    }

    public void block(SubscriptionView subscription, boolean productionOnly) {
        act(() -> {
            subscriptions.block(publisher.required(), subscription.id(), productionOnly);
            return "Blocked" + (productionOnly ? " in production" : "") + ": " + subscription.apiName();
        });
    }

    public void unblock(SubscriptionView subscription) {
        act(() -> {
            subscriptions.unblock(publisher.required(), subscription.id());
            return "Unblocked: " + subscription.apiName();
        });
    }

    /** Runs a use case, says how it went and shows the lists as they are now. */
    private void act(Supplier<String> useCase) {
        Outcome.report(useCase);
        load();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public boolean isAdministrator() {
        return publisher.caller().map(caller -> caller.has(Role.ADMIN)).orElse(false);
    }

    public List<ApiView> getAllApis() { return allApis; }
    public List<PlanView> getAllPlans() { return allPlans; }
    public List<SubscriptionView> getAwaiting() { return awaiting; }
    public List<SubscriptionView> getActive() { return active; }
    public List<SubscriptionView> getBlocked() { return blocked; }
    public String getDocument() { return document; }
    public void setDocument(String document) { this.document = document; }
    public String getContext() { return context; }
    public void setContext(String context) { this.context = context; }
    public String getVersion() { return version; }
    public void setVersion(String version) { this.version = version; }
    public String getEndpointType() { return endpointType; }
    public void setEndpointType(String endpointType) { this.endpointType = endpointType; }
    public String getProductionUrl() { return productionUrl; }
    public void setProductionUrl(String productionUrl) { this.productionUrl = productionUrl; }
    public String getSandboxUrl() { return sandboxUrl; }
    public void setSandboxUrl(String sandboxUrl) { this.sandboxUrl = sandboxUrl; }
    public boolean isForwardToken() { return forwardToken; }
    public void setForwardToken(boolean forwardToken) { this.forwardToken = forwardToken; }
    public List<String> getPlanIds() { return planIds; }
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
    public void setPlanIds(List<String> planIds) { this.planIds = planIds; }
}
