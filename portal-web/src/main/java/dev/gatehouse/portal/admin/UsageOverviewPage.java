package dev.gatehouse.portal.admin;

import dev.gatehouse.keymanager.applications.api.ApplicationService;
import dev.gatehouse.keymanager.usage.api.UsagePeriod;
import dev.gatehouse.keymanager.usage.api.UsageReport;
import dev.gatehouse.keymanager.usage.api.UsageReports;
import dev.gatehouse.portal.account.SignedInDeveloper;
import dev.gatehouse.portal.usage.UsageViews;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * admin/usage.xhtml, for administrators (web.xml): what the gateway answered every application over the last
 * hour, day or week, by application, API and operation, with the latest refusals. The service checks the role.
 */
@Named
@RequestScoped
public class UsageOverviewPage {

    @EJB
    UsageReports usage;

    @EJB
    ApplicationService applications;

    @Inject
    SignedInDeveloper administrator;

    private String period = "1h";
    private UsageReport report;
    private final Map<UUID, String> names = new HashMap<>();

    public void load() {
        period = UsageViews.known(period);
        report = usage.overall(administrator.required(), UsagePeriod.last(UsageViews.length(period), Instant.now()));
    }

    /** An application and its developer, as the tables name it; a deleted one by its id. */
    public String name(UUID applicationId) {
        return names.computeIfAbsent(applicationId, id -> applications.card(id)
                .map(card -> card.name() + " (" + card.developer() + ")").orElse("deleted application " + id));
    }

    public String getPeriod() {
        return period;
    }

    public void setPeriod(String period) {
        this.period = period;
    }

    public UsageReport getReport() {
        return report;
    }
}
