package dev.gatehouse.runtime.oauth;

import dev.gatehouse.runtime.JsonOutput;
import dev.gatehouse.keymanager.clients.api.AuthenticatedClient;
import dev.gatehouse.keymanager.tokens.api.TokenClaims;
import dev.gatehouse.keymanager.tokens.api.TokenService;
import jakarta.ejb.EJB;
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
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * RFC 7662 token introspection, for authenticated clients, each about its own tokens only: any other token is
 * {@code active: false} with nothing more (§4, no oracle for leaked tokens). Resource servers validate tokens
 * themselves against {@code /oauth2/jwks}.
 */
@Path("/oauth2/introspect")
@Tag(name = "OAuth2")
public class IntrospectionEndpoint {

    @EJB
    TokenService tokens;

    @Inject
    ClientCredentialsInRequest clientAuthentication;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Is this token of mine active, and what does it say? (RFC 7662)")
    public Response introspect(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            MultivaluedMap<String, String> form) {
        AuthenticatedClient client = clientAuthentication.authenticate(authorization, form);
        String token = form.getFirst("token");
        if (token == null || token.isBlank()) {
            throw OAuthError.invalidRequest("token is required.");
        }
        JsonObject answer = tokens.introspect(token, client.clientId()).claims().map(IntrospectionEndpoint::active)
                .orElseGet(() -> JsonOutput.object().add("active", false).build());
        return Response.ok(answer).cacheControl(CacheControl.valueOf("no-store")).build();
    }

    private static JsonObject active(TokenClaims claims) {
        return JsonOutput.object()
                .add("active", true)
                .add("scope", String.join(" ", new TreeSet<>(claims.scopes())))
                .add("client_id", claims.clientId())
                .add("token_type", "Bearer")
                .add("exp", claims.expiresAt().getEpochSecond())
                .add("iat", claims.issuedAt().getEpochSecond())
                .add("sub", claims.subject())
                .add("aud", claims.audience())
                .add("iss", claims.issuer())
                .add("jti", claims.jti())
                .add("application_id", claims.applicationId().toString())
                .add("environment", claims.environment().name())
                .build();
    }
}
