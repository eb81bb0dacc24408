package dev.gatehouse.portal.catalog;

import dev.gatehouse.keymanager.api.BusinessException;
import dev.gatehouse.keymanager.apis.api.ApiService;
import dev.gatehouse.keymanager.apis.api.ApiView;
import dev.gatehouse.keymanager.applications.api.ApplicationService;
import dev.gatehouse.keymanager.subscriptions.api.SubscriptionService;
import dev.gatehouse.portal.account.SignedInDeveloper;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Serializable;
import java.util.UUID;

/**
 * A catalog page about one API, the one its {@code id} parameter names, as the visitor may see it (otherwise the page
 * is a 404), with the services that tell what the visitor's applications have to do with it.
 */
public abstract class CatalogApiPage implements Serializable {

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

    /** The page's view action: the API, then what the page shows about it; an API the visitor may not see is a 404. */
    public void load() throws IOException {
        try {
            api = apis.get(developer.caller().orElse(null), UUID.fromString(String.valueOf(id)));
        } catch (BusinessException | IllegalArgumentException notFound) {
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "No such API");
            FacesContext.getCurrentInstance().responseComplete();
            return;
        }
        show(api);
    }

    /** What the page shows about the API beside the API itself, once the visitor is known to see it. */
    protected abstract void show(ApiView visible);

    static void message(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public ApiView getApi() {
        return api;
    }
}
