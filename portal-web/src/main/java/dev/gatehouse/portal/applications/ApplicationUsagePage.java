package dev.gatehouse.portal.applications;

import dev.gatehouse.keymanager.api.BusinessException;
import dev.gatehouse.keymanager.applications.api.ApplicationService;
import dev.gatehouse.keymanager.applications.api.ApplicationView;
import dev.gatehouse.keymanager.usage.api.Granularity;
import dev.gatehouse.keymanager.usage.api.UsagePeriod;
import dev.gatehouse.keymanager.usage.api.UsageReport;
import dev.gatehouse.keymanager.usage.api.UsageReports;
import dev.gatehouse.portal.account.SignedInDeveloper;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * applications/usage.xhtml: what the gateway answered one of my applications over the last hour, day or week:
 * calls and errors as a chart, a row per API and operation, and the latest refusals with what to do about them.
 */
@Named
@RequestScoped
public class ApplicationUsagePage {

    /** The periods offered, by their parameter value. */
    private static final Map<String, Duration> PERIODS = Map.of("1h", Duration.ofHours(1), "24h", Duration.ofHours(24),
            "7d", Duration.ofDays(7));

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
        if (!PERIODS.containsKey(period)) {
            period = "1h";
        }
        try {
            UUID applicationId = UUID.fromString(String.valueOf(id));
            application = applications.get(developer.required(), applicationId);
            report = usage.ofApplication(developer.required(), applicationId,
                    UsagePeriod.last(PERIODS.get(period), Instant.now()));
        } catch (IllegalArgumentException | BusinessException e) {
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "No such application");
            FacesContext.getCurrentInstance().responseComplete();
        }
    }

    /** A Chart.js configuration: served calls and errors stacked per bucket. */
    public String getChart() {
        DateTimeFormatter label = DateTimeFormatter.ofPattern(report.granularity() == Granularity.MINUTE
                ? "HH:mm" : "dd MMM HH:mm").withZone(ZoneId.systemDefault());
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder served = Json.createArrayBuilder();
        JsonArrayBuilder errors = Json.createArrayBuilder();
        for (UsageReport.Slot slot : report.series()) {
            labels.add(label.format(slot.start()));
            served.add(slot.calls() - slot.errors());
            errors.add(slot.errors());
        }
        return Json.createObjectBuilder()
                .add("type", "bar")
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("label", "Answered").add("data", served)
                                .add("backgroundColor", "#0f5fa8"))
                        .add(Json.createObjectBuilder().add("label", "Errors and refusals").add("data", errors)
                                .add("backgroundColor", "#b42318"))))
                .add("options", Json.createObjectBuilder()
                        .add("animation", false)
                        .add("maintainAspectRatio", false)
                        .add("scales", Json.createObjectBuilder()
                                .add("x", Json.createObjectBuilder().add("stacked", true))
                                .add("y", Json.createObjectBuilder().add("stacked", true).add("beginAtZero", true)
                                        .add("ticks", Json.createObjectBuilder().add("precision", 0)))))
                .build().toString();
    }


    /** A latency as the table shows it: the bucket's bound, so "≤ 1 ms". */
    public String latency(Double millis) {
        if (millis == null) {
            return "—";
        }
        return "≤ " + (millis < 1 ? String.valueOf(millis) : String.valueOf(Math.round(millis))) + " ms";
    }

    public List<String> getPeriods() {
        return List.of("1h", "24h", "7d");
    }

    public String periodLabel(String value) {
        return switch (value) {
            case "24h" -> "Last 24 hours";
            case "7d" -> "Last 7 days";
            default -> "Last hour";
        };
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
