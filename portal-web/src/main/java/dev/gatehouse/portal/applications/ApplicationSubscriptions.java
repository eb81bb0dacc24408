package dev.gatehouse.portal.applications;

import dev.gatehouse.keymanager.api.BusinessException;
import dev.gatehouse.keymanager.accounts.api.Caller;
import dev.gatehouse.keymanager.apis.api.ApiService;
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

    /** One subscription, the plans its API offers and the plan chosen in the page. */
    public static final class Row implements Serializable {
        private static final long serialVersionUID = 1L;
        private final SubscriptionView subscription;
        private final List<PlanView> plans;
        private String planId;

        Row(SubscriptionView subscription, List<PlanView> plans) {
            this.subscription = subscription;
            this.plans = plans;
            this.planId = subscription.planId().toString();
        }

        public SubscriptionView getSubscription() { return subscription; }
        public List<PlanView> getPlans() { return plans; }
        public String getPlanId() { return planId; }
        public void setPlanId(String planId) { this.planId = planId; }
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
        rows = subscriptions.ofApplication(caller, applicationId).stream()
                .map(subscription -> new Row(subscription, offeredPlans(caller, subscription.apiId()))).toList();
    }

    /** A retired API is no longer in the catalog: its subscription keeps its plan. */
    private List<PlanView> offeredPlans(Caller caller, UUID apiId) {
        try {
            return apis.get(caller, apiId).plans();
        } catch (BusinessException retired) {
            return List.of();
        }
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
