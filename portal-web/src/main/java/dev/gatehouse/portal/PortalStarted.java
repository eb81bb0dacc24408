package dev.gatehouse.portal;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Tells the readiness check ({@code PortalReadiness}, in the key manager's health jar) that the portal has started:
 * the two WARs share only the JVM and the database, whether on Payara Micro or in the EAR.
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
