package dev.gatehouse.runtime.oauth;

import dev.gatehouse.keymanager.clients.api.AuthenticatedClient;
import dev.gatehouse.keymanager.tokens.api.TokenService;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** RFC 7009 token revocation: a client revokes its own tokens; unknown tokens are answered 200 all the same. */
@Path("/oauth2/revoke")
@Tag(name = "OAuth2")
public class RevocationEndpoint {

    @EJB
    TokenService tokens;

    @Inject
    ClientCredentialsInRequest clientAuthentication;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Revoke an access token (RFC 7009)")
    public Response revoke(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            MultivaluedMap<String, String> form) {
        AuthenticatedClient client = clientAuthentication.authenticate(authorization, form);
        String token = form.getFirst("token");
        if (token == null || token.isBlank()) {
            throw OAuthError.invalidRequest("token is required.");
        }
        tokens.revoke(token, client.clientId());
        return Response.ok().build();
    }
}
