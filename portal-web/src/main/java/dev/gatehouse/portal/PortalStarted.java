package dev.gatehouse.portal;

import jakarta.faces.event.AbortProcessingException;
import jakarta.faces.event.SystemEvent;
import jakarta.faces.event.SystemEventListener;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Tells the readiness check ({@code PortalReadiness}, in the key manager's health jar) that the portal has started:
 * the two WARs share only the JVM and the database, whether on Payara Micro or in the EAR. Said once Faces has
 * finished configuring the application (faces-config.xml), the last thing before the portal serves, rather than
 * when its servlet context starts: in between, a visitor sent by "ready" would get a 404.
 */
@WebListener
public class PortalStarted implements ServletContextListener, SystemEventListener {

    static final String PORTAL_READY = "gatehouse.portal.ready";

    @Override
    public void processEvent(SystemEvent event) throws AbortProcessingException {
        System.setProperty(PORTAL_READY, Long.toString(System.currentTimeMillis()));
    }

    @Override
    public boolean isListenerForSource(Object source) {
        return true;
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        System.clearProperty(PORTAL_READY);
    }
}
