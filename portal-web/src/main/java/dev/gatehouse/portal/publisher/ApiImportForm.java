package dev.gatehouse.portal.publisher;

import dev.gatehouse.keymanager.apis.api.ApiImport;
import dev.gatehouse.keymanager.apis.api.ApiView;
import dev.gatehouse.keymanager.apis.api.ApiService;
import dev.gatehouse.keymanager.plans.api.PlanService;
import dev.gatehouse.keymanager.plans.api.PlanView;
import dev.gatehouse.portal.Outcome;
import dev.gatehouse.portal.account.SignedInDeveloper;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The Import an API form of publisher/index.xhtml: an OpenAPI document becomes an API in CREATED, on its page. */
@Named
@ViewScoped
public class ApiImportForm implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient ApiService apis;

    @EJB
    transient PlanService plans;

    @Inject
    SignedInDeveloper publisher;

    private String document;
    private String context;
    private String version;
    private String endpointType = "MOCK";
    private String productionUrl;
    private String sandboxUrl;
    private boolean forwardToken;
    private List<String> planIds = new ArrayList<>();
    private List<PlanView> offerable;

    /** Opens the new API's page, which says what was created and offers to publish it. */
    public String create() {
        Set<UUID> offered = planIds.stream().map(UUID::fromString).collect(Collectors.toSet());
        ApiView[] created = new ApiView[1];
        Outcome.report(() -> {
            created[0] = apis.importApi(publisher.required(), new ApiImport(document, context, blankToNull(version),
                    endpointType, blankToNull(productionUrl), blankToNull(sandboxUrl), forwardToken, offered));
            return "Created " + created[0].name() + " " + created[0].version() + " at /api/" + created[0].context()
                    + "/" + created[0].version() + "; publish it to list it in the catalog";
        });
        if (created[0] == null) {
            return null;
        }
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        return "/publisher/api?faces-redirect=true&id=" + created[0].id();
    }

    public List<PlanView> getOfferable() {
        if (offerable == null) {
            offerable = plans.list();
        }
        return offerable;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

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
    public void setPlanIds(List<String> planIds) { this.planIds = planIds; }
}
