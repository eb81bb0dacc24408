package dev.gatehouse.portal.applications;

import dev.gatehouse.keymanager.api.BusinessException;
import dev.gatehouse.keymanager.accounts.api.Caller;
import dev.gatehouse.keymanager.apis.api.ApiService;
import dev.gatehouse.keymanager.apis.api.ApiView;
import dev.gatehouse.keymanager.apis.api.OperationView;
import dev.gatehouse.keymanager.plans.api.PlanView;
import dev.gatehouse.keymanager.subscriptions.api.SubscriptionService;
import dev.gatehouse.keymanager.subscriptions.api.SubscriptionView;
import dev.gatehouse.portal.Outcome;
import dev.gatehouse.portal.account.SignedInDeveloper;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The Subscriptions part of applications/view.xhtml: the application's subscriptions, each with its plan (which the
 * developer may change to another the API offers) and an Unsubscribe. Ownership is checked by the service on every
 * action; the page itself answers 404 for another developer's application ({@link ApplicationPage}).
 */
@Named
@ViewScoped
public class ApplicationSubscriptions implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient SubscriptionService subscriptions;

    @EJB
    transient ApiService apis;

    @Inject
    SignedInDeveloper developer;

    private String id;
    private UUID applicationId;
    private List<Row> rows = List.of();

    /** One subscription, the plans its API offers, an operation to try and the plan chosen in the page. */
    public static final class Row implements Serializable {
        private static final long serialVersionUID = 1L;
        private final SubscriptionView subscription;
        private final List<PlanView> plans;
        private final OperationView example;
        private String planId;

        Row(SubscriptionView subscription, List<PlanView> plans, OperationView example) {
            this.subscription = subscription;
            this.plans = plans;
            this.example = example;
            this.planId = subscription.planId().toString();
        }

        public SubscriptionView getSubscription() { return subscription; }
        public List<PlanView> getPlans() { return plans; }
        public String getPlanId() { return planId; }
        public void setPlanId(String planId) { this.planId = planId; }

        /** The example call's method option for curl: none for a GET. */
        public String getExampleMethod() {
            return example == null || "GET".equals(example.method()) ? "" : "--request " + example.method() + " ";
        }

        /** The example call's path below the API's gateway path, without its leading slash. */
        public String getExamplePath() {
            return example == null ? "" : example.path().replaceFirst("^/", "");
        }
    }

    public void load() {
        try {
            applicationId = UUID.fromString(String.valueOf(id));
            refresh();
        } catch (IllegalArgumentException | BusinessException notMine) {
            rows = List.of(); // the page answers 404 (ApplicationPage)
        }
    }

    private void refresh() {
        Caller caller = developer.required();
        rows = subscriptions.ofApplication(caller, applicationId).stream().map(subscription -> {
            Optional<ApiView> api = inCatalog(caller, subscription.apiId());
            return new Row(subscription, api.map(ApiView::plans).orElse(List.of()),
                    api.flatMap(ApplicationSubscriptions::example).orElse(null));
        }).toList();
    }

    /** A retired API is no longer in the catalog: its subscription keeps its plan. */
    private Optional<ApiView> inCatalog(Caller caller, UUID apiId) {
        try {
            return Optional.of(apis.get(caller, apiId));
        } catch (BusinessException retired) {
            return Optional.empty();
        }
    }

    /**
     * The operation a ready-made curl command calls: a GET without path parameters if there is one (it works as it
     * stands), else the first. The API's base path alone is no operation: the gateway answers 404 there.
     */
    static Optional<OperationView> example(ApiView api) {
        return api.operations().stream()
                .filter(operation -> "GET".equals(operation.method()) && !operation.path().contains("{"))
                .findFirst().or(() -> api.operations().stream().findFirst());
    }

    public void changePlan(Row row) {
        act(() -> subscriptions.changePlan(developer.required(), applicationId, row.subscription.id(),
                UUID.fromString(row.planId)), "Plan changed for " + row.subscription.apiName());
    }

    public void unsubscribe(Row row) {
        act(() -> subscriptions.unsubscribe(developer.required(), applicationId, row.subscription.id()),
                "Unsubscribed from " + row.subscription.apiName());
    }

    private void act(Runnable action, String done) {
        Outcome.report(() -> {
            action.run();
            return done;
        });
        refresh();
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public List<Row> getRows() { return rows; }
}
