package dev.gatehouse.portal.publisher;

import dev.gatehouse.keymanager.accounts.api.Caller;
import dev.gatehouse.keymanager.api.BusinessException;
import dev.gatehouse.keymanager.apis.api.ApiService;
import dev.gatehouse.keymanager.apis.api.ApiUpdate;
import dev.gatehouse.keymanager.apis.api.ApiView;
import dev.gatehouse.keymanager.apis.api.Lifecycle;
import dev.gatehouse.keymanager.audit.api.AuditEventView;
import dev.gatehouse.keymanager.plans.api.PlanView;
import dev.gatehouse.keymanager.subscriptions.api.SubscriptionService;
import dev.gatehouse.keymanager.subscriptions.api.SubscriptionView;
import dev.gatehouse.keymanager.usage.api.UsagePeriod;
import dev.gatehouse.keymanager.usage.api.UsageReport;
import dev.gatehouse.keymanager.usage.api.UsageReports;
import dev.gatehouse.portal.Labels;
import dev.gatehouse.portal.Outcome;
import dev.gatehouse.portal.account.SignedInDeveloper;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * publisher/api.xhtml: one of the publisher's APIs (any, for an administrator): its overview and lifecycle, its
 * operations and plans, a new version of its document in place, its subscribers with the publisher's decisions,
 * the last day's usage by application, and its history. Another publisher's API is "not found".
 */
@Named
@ViewScoped
public class PublishedApiPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient ApiService apis;

    @EJB
    transient SubscriptionService subscriptions;

    @EJB
    transient UsageReports usage;

    @Inject
    SubscriptionDecisions decisions;

    @Inject
    Labels labels;

    @Inject
    SignedInDeveloper publisher;

    private String id;
    private ApiView api;
    private List<SubscriptionView> subscribers = List.of();
    private List<AuditEventView> history = List.of();
    private UsageReport lastDay;
    private String document;

    public void load() throws IOException {
        Caller caller = publisher.required();
        try {
            UUID apiId = UUID.fromString(String.valueOf(id));
            api = apis.managed(caller, apiId);
            subscribers = subscriptions.ofApi(caller, apiId);
            history = apis.history(caller, apiId);
            lastDay = usage.ofApi(caller, apiId, UsagePeriod.last(Duration.ofHours(24), Instant.now()));
        } catch (IllegalArgumentException | BusinessException e) {
            notFound();
        }
    }

    private void notFound() throws IOException {
        FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "No such API");
        FacesContext.getCurrentInstance().responseComplete();
    }

    public void moveTo(Lifecycle target) throws IOException {
        Outcome.report(() -> {
            apis.changeLifecycle(publisher.required(), api.id(), target);
            return api.name() + " " + api.version() + ": " + labels.of(target).toLowerCase(Locale.ROOT);
        });
        load();
    }

    /** The same API with a new document: operations, name and description follow it; endpoints and plans stay. */
    public void updateDocument() throws IOException {
        Outcome.report(() -> {
            ApiView updated = apis.update(publisher.required(), api.id(), new ApiUpdate(document, api.endpointType(),
                    api.productionUrl(), api.sandboxUrl(), api.forwardToken(),
                    api.plans().stream().map(PlanView::id).collect(Collectors.toSet())));
            document = null;
            return "Updated the document of " + updated.name() + " " + updated.version() + ": "
                    + updated.operations().size() + " operation(s)";
        });
        load();
    }

    public void approve(SubscriptionView subscription) throws IOException {
        decisions.approve(subscription);
        load();
    }

    public void reject(SubscriptionView subscription) throws IOException {
        decisions.reject(subscription);
        load();
    }

    public void block(SubscriptionView subscription, boolean productionOnly) throws IOException {
        decisions.block(subscription, productionOnly);
        load();
    }

    public void unblock(SubscriptionView subscription) throws IOException {
        decisions.unblock(subscription);
        load();
    }

    /** The usage rows' applications by name, from the subscribers (a former subscriber by its id). */
    public String applicationName(UUID applicationId) {
        Map<UUID, String> names = subscribers.stream().collect(Collectors.toMap(SubscriptionView::applicationId,
                subscription -> subscription.applicationName() + " (" + subscription.developer() + ")",
                (first, second) -> first));
        return names.getOrDefault(applicationId, String.valueOf(applicationId));
    }


    /** The plan a usage row's application subscribes with; none for a former subscriber. */
    public String planOf(UUID applicationId) {
        return subscribers.stream().filter(subscription -> subscription.applicationId().equals(applicationId))
                .map(SubscriptionView::planName).findFirst().orElse("—");
    }

    /** What a history entry did, in words. */
    public String did(AuditEventView event) {
        return switch (event.action()) {
            case "api.import" -> "Imported" + (event.detail() == null ? "" : " (" + event.detail() + ")");
            case "api.update" -> "Changed (document, endpoints or plans)";
            // the states are named as what happened: Published, Deprecated, Retired, Blocked
            case "api.lifecycle" -> event.detail() == null ? "Lifecycle changed"
                    : labels.of(Lifecycle.valueOf(event.detail()));
            default -> event.action();
        };
    }

    public String getPlanNames() {
        return api.plans().stream().map(plan -> plan.name() + " (" + plan.limitText() + ")")
                .collect(Collectors.joining(", "));
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public ApiView getApi() { return api; }
    public List<SubscriptionView> getSubscribers() { return subscribers; }
    public List<AuditEventView> getHistory() { return history; }
    public UsageReport getLastDay() { return lastDay; }
    public String getDocument() { return document; }
    public void setDocument(String document) { this.document = document; }
}
