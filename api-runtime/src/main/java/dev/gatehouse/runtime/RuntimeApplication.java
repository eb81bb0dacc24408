package dev.gatehouse.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The API runtime: OAuth2 endpoints, the gateway and the REST APIs, all under the server's root. No container
 * authentication: the gateway verifies bearer tokens itself (its MicroProfile JWT, {@code BearerTokens}), the
 * REST APIs take HTTP Basic in a filter, so a request pays only for the authentication it needs.
 */
@ApplicationPath("/")
@OpenAPIDefinition(info = @Info(title = "Gatehouse", version = "1",
        description = "OAuth2 authorization server, developer API and API gateway of Gatehouse."))
@SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "A developer account's username and password")
@ApplicationScoped
public class RuntimeApplication extends Application {
}
