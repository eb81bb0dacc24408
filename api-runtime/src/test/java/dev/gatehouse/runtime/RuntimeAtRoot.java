package dev.gatehouse.runtime;

import dev.gatehouse.testing.BuiltArchive;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class against the runtime WAR as built, deployed at the server's root on a real Payara Micro and called from
 * outside as a program would: the set-up all of them share, so that each states only what is particular to it.
 * Arquillian looks for the {@code @Deployment} method and the {@code @ArquillianResource} fields in superclasses too.
 * A class that deploys anything else cannot extend this one: Arquillian would find two deployments of the same name.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class RuntimeAtRoot {

    /** The administrator, with the password the Arquillian configuration gives the server. */
    public static final String ADMIN = RuntimeClient.basic("admin", "it-admin-password");
    /** The Bronze plan, which the first migration creates. */
    public static final String BRONZE = "6b0c7a0e-0f3a-4c2e-9a51-000000000001";

    @ArquillianResource
    protected URL base;

    /** A new one for each test. */
    protected RuntimeClient client;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return BuiltArchive.atRoot();
    }

    @BeforeEach
    void client() throws Exception {
        client = new RuntimeClient(base.toURI());
    }
}
