package dev.gatehouse.runtime.oauth;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** RFC 6749 token endpoint. Each grant type is a {@link GrantHandler}; this class only dispatches. */
@Path("/oauth2/token")
@Tag(name = "OAuth2")
@ApplicationScoped // made once: per request, the grant index was built again and the resource injected again
public class TokenEndpoint {

    @Inject
    Instance<GrantHandler> handlers;

    @Inject
    ClientCredentialsInRequest clientAuthentication;

    private Map<String, GrantHandler> byGrantType;

    @PostConstruct
    void index() {
        byGrantType = handlers.stream().collect(Collectors.toMap(GrantHandler::grantType, Function.identity()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue an access token: grant_type client_credentials, authorization_code (with PKCE)"
            + " or refresh_token")
    public Response token(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            MultivaluedMap<String, String> form) {
        form.forEach((name, values) -> {
            if (values.size() > 1) {
                throw OAuthError.invalidRequest("Parameter " + name + " appears more than once.");
            }
        });
        String grantType = form.getFirst("grant_type");
        if (grantType == null || grantType.isBlank()) {
            throw OAuthError.invalidRequest("grant_type is required.");
        }
        ClientCredentialsInRequest.Presented client = clientAuthentication.presented(authorization, form);
        GrantHandler handler = byGrantType.get(grantType);
        if (handler == null) {
            // only an authenticated client learns which grants there are
            clientAuthentication.authenticate(client);
            throw OAuthError.unsupportedGrantType("Grant type " + grantType + " is not supported; supported: "
                    + String.join(", ", byGrantType.keySet()) + ".");
        }
        JsonObject token = handler.grant(client, form);
        return Response.ok(token)
                .cacheControl(CacheControl.valueOf("no-store"))
                .header("Pragma", "no-cache")
                .build();
    }
}
