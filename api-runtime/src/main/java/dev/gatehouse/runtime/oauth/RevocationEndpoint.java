package dev.gatehouse.runtime.oauth;

import dev.gatehouse.keymanager.authorization.api.PersonGrants;
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

/**
 * RFC 7009 token revocation: a client (a public one by its client_id alone) revokes its own access or refresh
 * tokens (the two are told apart by their form, so token_type_hint is not needed); unknown tokens are answered 200
 * all the same.
 */
@Path("/oauth2/revoke")
@Tag(name = "OAuth2")
public class RevocationEndpoint {

    @EJB
    TokenService tokens;

    @EJB
    PersonGrants grants;

    @Inject
    ClientCredentialsInRequest clientAuthentication;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Revoke an access token, or a refresh token with the tokens of its grant (RFC 7009)")
    public Response revoke(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            MultivaluedMap<String, String> form) {
        String clientId = clientAuthentication.clientIdOf(authorization, form);
        String token = form.getFirst("token");
        if (token == null || token.isBlank()) {
            throw OAuthError.invalidRequest("token is required.");
        }
        if (token.indexOf('.') >= 0) {
            tokens.revoke(token, clientId); // a JWT: an access token
        } else {
            grants.revokeRefreshToken(clientId, token);
        }
        return Response.ok().build();
    }
}
