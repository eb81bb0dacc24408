package dev.gatehouse.runtime.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * One access-log line per gateway request (API, application, status, latency; never the token) on the logger
 * {@code dev.gatehouse.gateway.access}, and MicroProfile Metrics: requests by API and status, refusals by reason,
 * latency by API.
 */
@ApplicationScoped
class GatewayMetrics {

    private static final System.Logger ACCESS = System.getLogger("dev.gatehouse.gateway.access");

    @Inject
    MetricRegistry registry;

    void served(String method, String api, UUID applicationId, int status, Duration latency) {
        registry.counter("gateway.requests", new Tag("api", api), new Tag("status", Integer.toString(status))).inc();
        registry.timer("gateway.latency", new Tag("api", api)).update(latency);
        log(method, api, applicationId, status, latency, null);
    }

    void refused(String method, String api, UUID applicationId, Refusal refusal, Duration latency) {
        registry.counter("gateway.refusals", new Tag("reason", refusal.reason())).inc();
        registry.counter("gateway.requests", new Tag("api", api),
                new Tag("status", Integer.toString(refusal.status().getStatusCode()))).inc();
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
