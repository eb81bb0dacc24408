package dev.gatehouse.portal.applications;

import dev.gatehouse.keymanager.api.BusinessException;
import dev.gatehouse.keymanager.applications.api.ApplicationDetails;
import dev.gatehouse.keymanager.applications.api.ApplicationService;
import dev.gatehouse.keymanager.applications.api.ApplicationView;
import dev.gatehouse.portal.account.SignedInDeveloper;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** applications/index.xhtml: my applications, and a new one. */
@Named
@ViewScoped
public class ApplicationsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient ApplicationService applications;

    @Inject
    SignedInDeveloper developer;

    private List<ApplicationView> mine = List.of();
    private String name;
    private String description;

    public void load() {
        mine = applications.listMine(developer.required());
    }

    public String create() {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            ApplicationView created = applications.create(developer.required(), new ApplicationDetails(name, description));
            faces.getExternalContext().getFlash().setKeepMessages(true);
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Application \"" + created.name() + "\" created", null));
            return "/applications/view.xhtml?faces-redirect=true&id=" + created.id();
        } catch (BusinessException refused) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, refused.getMessage(), null));
            return null;
        }
    }

    public List<ApplicationView> getMine() {
        return mine;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }
}
