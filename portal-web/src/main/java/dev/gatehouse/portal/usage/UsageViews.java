package dev.gatehouse.portal.usage;

import dev.gatehouse.keymanager.usage.api.Granularity;
import dev.gatehouse.keymanager.usage.api.UsageReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * How every usage page shows a report (the application's Usage tab, the administrator's Usage page): the periods
 * offered, the chart, latencies.
 */
@Named
@ApplicationScoped
public class UsageViews {

    /** The periods offered, by their parameter value; anything else is the first. */
    private static final Map<String, Duration> PERIODS = Map.of("1h", Duration.ofHours(1), "24h", Duration.ofHours(24),
            "7d", Duration.ofDays(7));

    public List<String> getPeriods() {
        return List.of("1h", "24h", "7d");
    }

    /** The period a parameter names, the last hour when it names none. */
    public static String known(String period) {
        return PERIODS.containsKey(period) ? period : "1h";
    }

    public static Duration length(String period) {
        return PERIODS.get(known(period));
    }

    public String periodLabel(String value) {
        return switch (value) {
            case "24h" -> "Last 24 hours";
            case "7d" -> "Last 7 days";
            default -> "Last hour";
        };
    }

    /** A Chart.js configuration: answered calls and errors stacked per bucket. */
    public String chart(UsageReport report) {
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

    /** A latency as the tables show it: the bound of its bucket, so "≤ 1 ms". */
    public String latency(Double millis) {
        if (millis == null) {
            return "—";
        }
        return "≤ " + (millis < 1 ? String.valueOf(millis) : String.valueOf(Math.round(millis))) + " ms";
    }
}
