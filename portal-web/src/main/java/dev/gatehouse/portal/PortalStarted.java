package dev.gatehouse.portal;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Tells the runtime's readiness check (api-runtime's {@code PortalReadiness}) that the portal has started: the two
 * WARs share only the JVM and the database, whether on Payara Micro or in the EAR.
 */
@WebListener
public class PortalStarted implements ServletContextListener {

    static final String PORTAL_READY = "gatehouse.portal.ready";

    @Override
    public void contextInitialized(ServletContextEvent event) {
        System.setProperty(PORTAL_READY, "true");
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        System.clearProperty(PORTAL_READY);
    }
}
