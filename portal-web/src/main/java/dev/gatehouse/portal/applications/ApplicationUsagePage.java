package dev.gatehouse.portal.applications;

import dev.gatehouse.keymanager.api.BusinessException;
import dev.gatehouse.keymanager.applications.api.ApplicationService;
import dev.gatehouse.keymanager.applications.api.ApplicationView;
import dev.gatehouse.keymanager.usage.api.UsagePeriod;
import dev.gatehouse.keymanager.usage.api.UsageReport;
import dev.gatehouse.keymanager.usage.api.UsageReports;
import dev.gatehouse.portal.account.SignedInDeveloper;
import dev.gatehouse.portal.usage.UsageViews;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.time.Instant;
import java.util.UUID;

/**
 * applications/usage.xhtml: what the gateway answered one of my applications over the last hour, day or week:
 * calls and errors as a chart, a row per API and operation, and the latest refusals with what to do about them.
 */
@Named
@RequestScoped
public class ApplicationUsagePage {

    @EJB
    ApplicationService applications;

    @EJB
    UsageReports usage;

    @Inject
    SignedInDeveloper developer;

    private String id;
    private String period = "1h";
    private ApplicationView application;
    private UsageReport report;

    public void load() throws IOException {
        period = UsageViews.known(period);
        try {
            UUID applicationId = UUID.fromString(String.valueOf(id));
            application = applications.get(developer.required(), applicationId);
            report = usage.ofApplication(developer.required(), applicationId,
                    UsagePeriod.last(UsageViews.length(period), Instant.now()));
        } catch (IllegalArgumentException | BusinessException e) {
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "No such application");
            FacesContext.getCurrentInstance().responseComplete();
        }
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getPeriod() {
        return period;
    }

    public void setPeriod(String period) {
        this.period = period;
    }

    public ApplicationView getApplication() {
        return application;
    }

    public UsageReport getReport() {
        return report;
    }
}
