package dev.gatehouse.runtime.authentication;

import jakarta.security.auth.message.config.AuthConfigFactory;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.lang.System.Logger.Level;

/**
 * The runtime authenticates in its own filters (HTTP Basic for the REST APIs, bearer tokens in the gateway), never
 * through the container. Inside the EAR on Payara, Jakarta Security sees the portal's authentication mechanism and
 * installs its bridge for every web module, this one included, where it finds no mechanism and fails each request;
 * so the runtime takes the bridge off its own context again (Jakarta Authentication's standard call; nothing to take
 * off where none was put, as on Payara Micro, which deploys the two WARs apart, or on WildFly).
 */
@WebListener
public class NoContainerAuthentication implements ServletContextListener {

    private static final System.Logger LOG = System.getLogger(NoContainerAuthentication.class.getName());

    @Override
    public void contextInitialized(ServletContextEvent event) {
        try {
            AuthConfigFactory factory = AuthConfigFactory.getFactory();
            if (factory != null) {
                factory.removeServerAuthModule(event.getServletContext());
            }
        } catch (RuntimeException | LinkageError none) {
            // no Jakarta Authentication provider, or one without modules registered per context: nothing installed
            LOG.log(Level.DEBUG, "No container authentication to remove: {0}", none.toString());
        }
    }
}
