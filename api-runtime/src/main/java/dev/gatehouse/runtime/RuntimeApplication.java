package dev.gatehouse.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The API runtime: OAuth2 endpoints, the gateway and the REST APIs, all under the server's root.
 * A CDI bean, as MicroProfile JWT's login configuration will need it to be.
 */
@ApplicationPath("/")
@ApplicationScoped
public class RuntimeApplication extends Application {
}
