package dev.gatehouse.runtime.gateway;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * An access-log line (API, application, status, latency, reason; never the token) on the logger
 * {@code dev.gatehouse.gateway.access} for each refused gateway request, and for each served one when
 * {@code gatehouse.gateway.access-log} is {@code all}: a line written through the server's log formatter costs a
 * served request about 7 % of its CPU (profiled), so by default served requests are only counted. And MicroProfile
 * Metrics where the server has them: requests by API and status, refusals by reason, latency by API. Payara has MicroProfile Metrics; WildFly 39 does not (it has
 * Micrometer instead), so there only the access log is written.
 */
@ApplicationScoped
class GatewayMetrics {

    private static final System.Logger ACCESS = System.getLogger("dev.gatehouse.gateway.access");

    /** Where the counters and timers go; nothing when the server has no MicroProfile Metrics. */
    interface Recorder {

        Recorder NONE = new Recorder() {
            @Override
            public void count(String name, String... tags) {
            }

            @Override
            public void time(String name, Duration duration, String... tags) {
            }
        };

        /** Tags are name, value, name, value... */
        void count(String name, String... tags);

        void time(String name, Duration duration, String... tags);
    }

    /** Typed Object, not MetricRegistry: this class must load where MicroProfile Metrics is missing. */
    @Inject
    Instance<Object> beans;

    @Inject
    @ConfigProperty(name = "gatehouse.gateway.access-log", defaultValue = "refused")
    String accessLog;

    private Recorder recorder = Recorder.NONE;
    private boolean logServed;

    @PostConstruct
    void findRegistry() {
        logServed = "all".equalsIgnoreCase(accessLog.strip());
        // MicroProfileMetrics is loaded only when its API is there: it links against MetricRegistry
        recorder = MicroProfileMetrics.apiPresent() ? MicroProfileMetrics.from(beans) : Recorder.NONE;
        if (recorder == Recorder.NONE) {
            System.getLogger(GatewayMetrics.class.getName()).log(Level.INFO, "GH-GW-201 The server has no"
                    + " MicroProfile Metrics; gateway metrics are off, the access log ({0}) stays",
                    "dev.gatehouse.gateway.access");
        }
    }

    void served(String method, String api, UUID applicationId, int status, Duration latency) {
        recorder.count("gateway.requests", "api", api, "status", Integer.toString(status));
        recorder.time("gateway.latency", latency, "api", api);
        if (logServed) {
            log(method, api, applicationId, status, latency, null);
        }
    }

    void refused(String method, String api, UUID applicationId, Refusal refusal, Duration latency) {
        recorder.count("gateway.refusals", "reason", refusal.reason());
        recorder.count("gateway.requests", "api", api,
                "status", Integer.toString(refusal.status().getStatusCode()));
        log(method, api, applicationId, refusal.status().getStatusCode(), latency, refusal.reason());
    }

    private static void log(String method, String api, UUID applicationId, int status, Duration latency,
            String reason) {
        if (ACCESS.isLoggable(Level.INFO)) {
            ACCESS.log(Level.INFO, "GH-GW-200 {0} {1} application={2} status={3} {4} ms{5}", method, api,
                    applicationId == null ? "-" : applicationId.toString(), Integer.toString(status),
                    String.format(java.util.Locale.ROOT, "%.2f", latency.toNanos() / 1e6),
                    reason == null ? "" : " reason=" + reason);
        }
    }
}
