package dev.gatehouse.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import org.eclipse.microprofile.auth.LoginConfig;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The API runtime: OAuth2 endpoints, the gateway and the REST APIs, all under the server's root.
 * The gateway's bearer tokens are verified by MicroProfile JWT (configured in the key manager's
 * microprofile-config.properties, so that it also applies inside the EAR); it must be a CDI bean for that.
 */
@ApplicationPath("/")
@OpenAPIDefinition(info = @Info(title = "Gatehouse", version = "1",
        description = "OAuth2 authorization server, developer API and API gateway of Gatehouse."))
@SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "A developer account's username and password")
@LoginConfig(authMethod = "MP-JWT", realmName = "gatehouse")
@ApplicationScoped
public class RuntimeApplication extends Application {
}
