package dev.gatehouse.portal.catalog;

import dev.gatehouse.keymanager.accounts.api.Caller;
import dev.gatehouse.keymanager.apis.api.ApiView;
import dev.gatehouse.keymanager.applications.api.ApplicationDetails;
import dev.gatehouse.keymanager.applications.api.ApplicationView;
import dev.gatehouse.keymanager.subscriptions.api.SubscriptionStatus;
import dev.gatehouse.keymanager.subscriptions.api.SubscriptionView;
import dev.gatehouse.portal.Outcome;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.primefaces.PrimeFaces;

/**
 * apis/view.xhtml: an API's overview, its plans, which of my applications are subscribed to it, and Subscribe
 * (with an application not yet subscribed, or one named in the dialog and created on the way).
 */
@Named
@ViewScoped
public class ApiOverview extends CatalogApiPage {

    private static final long serialVersionUID = 1L;

    private List<ApplicationView> myApplications = List.of();
    private List<Subscribed> subscribedWith = List.of();
    // selections travel as text: this Faces has no UUID converter by type
    private String applicationId;
    private String newApplicationName;
    private String planId;

    /** One of my applications subscribed to this API, for "Subscribed with ...". */
    public record Subscribed(UUID applicationId, String applicationName, String planName, SubscriptionStatus status)
            implements Serializable {
    }

    @Override
    protected void show(ApiView api) {
        if (!api.plans().isEmpty()) {
            planId = api.plans().get(0).id().toString();
        }
        refreshApplications();
    }

    private void refreshApplications() {
        Optional<Caller> caller = developer.caller();
        myApplications = caller.map(applications::listMine).orElse(List.of());
        subscribedWith = caller.map(me -> myApplications.stream()
                .flatMap(application -> subscriptions.ofApplication(me, application.id()).stream()
                        .filter(subscription -> subscription.apiId().equals(getApi().id()))
                        .map(subscription -> new Subscribed(application.id(), application.name(),
                                subscription.planName(), subscription.status())))
                .toList()).orElse(List.of());
        List<ApplicationView> subscribable = getSubscribable();
        if (subscribable.stream().noneMatch(application -> application.id().toString().equals(applicationId))) {
            applicationId = subscribable.isEmpty() ? null : subscribable.get(0).id().toString();
        }
    }

    /**
     * Subscribes the chosen application, or the one named in the dialog, which is created first (its own use case:
     * should the subscription be refused, the developer keeps the application and may subscribe it again).
     */
    public void subscribe() {
        boolean named = newApplicationName != null && !newApplicationName.isBlank();
        if (!named && applicationId == null) {
            message(FacesMessage.SEVERITY_ERROR, "Choose an application, or name a new one.");
            return;
        }
        Outcome.report(() -> {
            Caller caller = developer.required();
            ApplicationView subscriber = named
                    ? applications.create(caller, new ApplicationDetails(newApplicationName.strip(), null))
                    : applications.get(caller, UUID.fromString(applicationId));
            newApplicationName = null;
            SubscriptionView subscribed = subscriptions.subscribe(caller, subscriber.id(), getApi().id(),
                    UUID.fromString(planId));
            // the page closes the dialog on this: the growl says it once, "Subscribed with" links the application
            PrimeFaces.current().ajax().addCallbackParam("subscribed", true);
            return "Subscribed " + subscriber.name() + (subscribed.status() == SubscriptionStatus.ACTIVE
                    ? ": the subscription is active"
                    : ": the subscription awaits the publisher's approval");
        });
        refreshApplications();
    }

    public String getGatewayPath() {
        return "/api/" + getApi().context() + "/" + getApi().version();
    }

    public List<ApplicationView> getMyApplications() { return myApplications; }
    public String getApplicationId() { return applicationId; }
    public void setApplicationId(String applicationId) { this.applicationId = applicationId; }
    public String getNewApplicationName() { return newApplicationName; }
    public void setNewApplicationName(String name) { this.newApplicationName = name; }
    public String getPlanId() { return planId; }
    public void setPlanId(String planId) { this.planId = planId; }
    public List<Subscribed> getSubscribedWith() { return subscribedWith; }

    /** My applications not yet subscribed to this API: subscribing one twice is refused. */
    public List<ApplicationView> getSubscribable() {
        return myApplications.stream().filter(application -> subscribedWith.stream()
                .noneMatch(subscribed -> subscribed.applicationId().equals(application.id()))).toList();
    }
}
