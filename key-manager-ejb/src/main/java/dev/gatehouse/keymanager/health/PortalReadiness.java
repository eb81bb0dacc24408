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

    /** Set to "true" by the portal once started, cleared when it stops (portal-web's {@code PortalStarted}). */
    public static final String PORTAL_READY = "gatehouse.portal.ready";

    @Inject
    @ConfigProperty(name = "gatehouse.health.portal", defaultValue = "true")
    boolean portalExpected;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("portal");
        if (!portalExpected) {
            return response.up().withData("portal", "not checked (gatehouse.health.portal=false)").build();
        }
        return Boolean.getBoolean(PORTAL_READY)
                ? response.up().build()
                : response.down().withData("portal", "not started").build();
    }
}
