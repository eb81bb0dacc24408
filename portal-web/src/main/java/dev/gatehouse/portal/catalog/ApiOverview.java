package dev.gatehouse.portal.catalog;

import dev.gatehouse.keymanager.api.BusinessException;
import dev.gatehouse.keymanager.apis.api.ApiService;
import dev.gatehouse.keymanager.apis.api.ApiView;
import dev.gatehouse.keymanager.applications.api.ApplicationDetails;
import dev.gatehouse.keymanager.applications.api.ApplicationService;
import dev.gatehouse.keymanager.applications.api.ApplicationView;
import dev.gatehouse.keymanager.subscriptions.api.SubscriptionService;
import dev.gatehouse.keymanager.subscriptions.api.SubscriptionStatus;
import dev.gatehouse.keymanager.subscriptions.api.SubscriptionView;
import dev.gatehouse.portal.account.SignedInDeveloper;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** apis/view.xhtml: an API's overview, its plans, and Subscribe (creating the application on the way). */
@Named
@ViewScoped
public class ApiOverview implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient ApiService apis;

    @EJB
    transient ApplicationService applications;

    @EJB
    transient SubscriptionService subscriptions;

    @Inject
    SignedInDeveloper developer;

    private String id;
    private ApiView api;
    private List<ApplicationView> myApplications = List.of();
    // selections travel as text: this Faces has no UUID converter by type
    private String applicationId;
    private String newApplicationName;
    private String planId;
    private SubscriptionView subscribed;

    public void load() throws IOException {
        Optional<ApiView> visible = VisibleApi.load(apis, developer, id);
        if (visible.isEmpty()) {
            return;
        }
        api = visible.get();
        if (!api.plans().isEmpty()) {
            planId = api.plans().get(0).id().toString();
        }
        refreshApplications();
    }

    private void refreshApplications() {
        myApplications = developer.caller().map(applications::listMine).orElse(List.of());
        if (applicationId == null && !myApplications.isEmpty()) {
            applicationId = myApplications.get(0).id().toString();
        }
    }

    public void createApplication() {
        try {
            ApplicationView created = applications.create(developer.required(), new ApplicationDetails(newApplicationName, null));
            applicationId = created.id().toString();
            newApplicationName = null;
            refreshApplications();
            message(FacesMessage.SEVERITY_INFO, "Application \"" + created.name() + "\" created");
        } catch (BusinessException refused) {
            message(FacesMessage.SEVERITY_ERROR, refused.getMessage());
        }
    }

    public void subscribe() {
        if (applicationId == null) {
            message(FacesMessage.SEVERITY_ERROR, "Choose an application, or create one.");
            return;
        }
        try {
            subscribed = subscriptions.subscribe(developer.required(), UUID.fromString(applicationId), api.id(),
                    UUID.fromString(planId));
            message(FacesMessage.SEVERITY_INFO, subscribed.status() == SubscriptionStatus.ACTIVE
                    ? "Subscribed: the subscription is active"
                    : "Subscribed: the subscription awaits the publisher's approval");
        } catch (BusinessException refused) {
            message(FacesMessage.SEVERITY_ERROR, refused.getMessage());
        }
    }

    private static void message(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }

    public String getGatewayPath() {
        return "/api/" + api.context() + "/" + api.version();
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public ApiView getApi() { return api; }
    public List<ApplicationView> getMyApplications() { return myApplications; }
    public String getApplicationId() { return applicationId; }
    public void setApplicationId(String applicationId) { this.applicationId = applicationId; }
    public String getNewApplicationName() { return newApplicationName; }
    public void setNewApplicationName(String name) { this.newApplicationName = name; }
    public String getPlanId() { return planId; }
    public void setPlanId(String planId) { this.planId = planId; }
    public SubscriptionView getSubscribed() { return subscribed; }
}
