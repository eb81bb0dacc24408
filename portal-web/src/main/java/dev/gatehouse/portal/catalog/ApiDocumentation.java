package dev.gatehouse.portal.catalog;

import dev.gatehouse.keymanager.accounts.api.Caller;
import dev.gatehouse.keymanager.api.BusinessException;
import dev.gatehouse.keymanager.apis.api.ApiView;
import dev.gatehouse.keymanager.applications.api.ApplicationView;
import dev.gatehouse.keymanager.authorization.api.AuthorizationService;
import dev.gatehouse.keymanager.clients.api.ApplicationKeys;
import dev.gatehouse.keymanager.clients.api.Environment;
import dev.gatehouse.keymanager.subscriptions.api.SubscriptionStatus;
import dev.gatehouse.keymanager.tokens.api.IssuedToken;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * apis/documentation.xhtml: the API's OpenAPI document in Swagger UI, whose try-it calls go through this server's
 * gateway with an access token of one of the developer's applications subscribed to the API.
 */
@Named
@ViewScoped
public class ApiDocumentation extends CatalogApiPage {

    private static final long serialVersionUID = 1L;

    @EJB
    transient ApplicationKeys keys;

    @EJB
    transient AuthorizationService authorizations;

    private List<ApplicationView> subscribedApplications = List.of();
    private String applicationId;
    private String accessToken;
    /** Application id → production client id, for the applications whose developer enabled the try-it console. */
    private Map<String, String> signInClients = Map.of();

    @Override
    protected void show(ApiView api) {
        subscribedApplications = developer.caller().map(caller -> applications.listMine(caller).stream()
                .filter(application -> subscriptions.ofApplication(caller, application.id()).stream()
                        .anyMatch(s -> s.apiId().equals(api.id()) && s.status() == SubscriptionStatus.ACTIVE))
                .toList()).orElse(List.of());
        if (!subscribedApplications.isEmpty()) {
            applicationId = subscribedApplications.get(0).id().toString();
            Caller caller = developer.required();
            signInClients = new HashMap<>();
            for (ApplicationView application : subscribedApplications) {
                keys.find(caller, application.id(), Environment.PRODUCTION)
                        .filter(production -> production.configuration().tryItConsole())
                        .ifPresent(production -> signInClients.put(application.id().toString(), production.clientId()));
            }
        }
    }

    /** A production token of the chosen application, which the try-it console then sends. */
    public void useToken() {
        ApplicationView chosen = subscribedApplications.stream()
                .filter(application -> application.id().toString().equals(applicationId)).findFirst().orElse(null);
        if (chosen == null) {
            message(FacesMessage.SEVERITY_ERROR, "Choose one of your applications subscribed to this API.");
            return;
        }
        try {
            IssuedToken token = keys.testToken(developer.required(), chosen.id(), Environment.PRODUCTION, Set.of(), null);
            accessToken = token.accessToken();
            message(FacesMessage.SEVERITY_INFO, "Try it out now sends a production token of " + chosen.name()
                    + ", valid for " + token.expiresIn() / 60 + " minutes.");
        } catch (BusinessException refused) {
            message(FacesMessage.SEVERITY_ERROR, refused.getMessage());
        }
    }

    /** The document with the gateway as its one server (the runtime serves it, on the same origin). */
    public String getSpecUrl() {
        return "/developer/v1/apis/" + getApi().id() + "/openapi?server=gateway";
    }

    /** The API's path on the gateway, the only place the try-it console sends a token to (same origin). */
    public String getGatewayPath() {
        return "/api/" + getApi().context() + "/" + getApi().version() + "/";
    }

    /** Where the portal serves Swagger UI from its webjar. */
    public String getSwaggerUi() {
        return SwaggerUi.path(FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath());
    }

    /** The chosen application's production client id, where it lets the try-it console sign people in. */
    public String getSignInClientId() {
        return signInClients.get(applicationId);
    }

    /** Where the sign-in window brings the code back: the portal's page that every such application registers. */
    public String getSignInRedirectUri() {
        return authorizations.tryItRedirectUri();
    }

    public List<ApplicationView> getSubscribedApplications() { return subscribedApplications; }
    public String getApplicationId() { return applicationId; }
    public void setApplicationId(String applicationId) { this.applicationId = applicationId; }
    public String getAccessToken() { return accessToken; }
}
