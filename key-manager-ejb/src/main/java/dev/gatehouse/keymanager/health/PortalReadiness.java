package dev.gatehouse.keymanager.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only when the developer portal has started too: the two WARs deploy one after the other (on Payara Micro
 * and in the EAR alike) and a "ready" answered while the portal still deploys sends the first visitor a 404. They
 * share only the JVM and the database, so the portal says it through a JVM-wide system property. An operator
 * running the runtime without the portal sets {@code gatehouse.health.portal=false}.
 */
@Readiness
@ApplicationScoped
public class PortalReadiness implements HealthCheck {

    /** When the portal started (epoch ms), set by it and cleared when it stops (portal-web's {@code PortalStarted}). */
    public static final String PORTAL_READY = "gatehouse.portal.ready";

    /**
     * Faces has configured the portal a moment before the server routes requests to it (a request in between was
     * seen answered 404 right after "ready"): the portal counts as started this long after it said so.
     */
    static final long SETTLING_MILLIS = 1_000;

    @Inject
    @ConfigProperty(name = "gatehouse.health.portal", defaultValue = "true")
    boolean portalExpected;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("portal");
        if (!portalExpected) {
            return response.up().withData("portal", "not checked (gatehouse.health.portal=false)").build();
        }
        Long started = Long.getLong(PORTAL_READY);
        if (started == null) {
            return response.down().withData("portal", "not started").build();
        }
        return System.currentTimeMillis() - started >= SETTLING_MILLIS ? response.up().build()
                : response.down().withData("portal", "starting").build();
    }
}
