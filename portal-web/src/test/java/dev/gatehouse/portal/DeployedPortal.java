package dev.gatehouse.portal;

import dev.gatehouse.testing.BuiltArchive;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The built portal WAR, deployed unchanged to the Arquillian container (a real Payara Micro), for the tests that
 * call it over HTTP; Arquillian finds the deployment and the URL in this superclass.
 */
public abstract class DeployedPortal {

    /** Where the deployed portal answers. */
    @ArquillianResource
    protected URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return BuiltArchive.war();
    }
}
