package dev.gatehouse.runtime.oauth;

import dev.gatehouse.keymanager.accounts.api.AccountService;
import dev.gatehouse.keymanager.accounts.api.AccountView;
import dev.gatehouse.keymanager.authorization.api.OpenIdScopes;
import dev.gatehouse.keymanager.tokens.api.TokenCheck;
import dev.gatehouse.keymanager.tokens.api.TokenClaims;
import dev.gatehouse.keymanager.tokens.api.TokenService;
import dev.gatehouse.runtime.JsonOutput;
import jakarta.ejb.EJB;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * OpenID Connect UserInfo (Core 1.0 §5.3): who the person behind an access token with the openid scope is, as
 * much as its scopes allow (profile: username and name; email). Refusals are RFC 6750 challenges.
 */
@Path(UserInfoEndpoint.PATH)
@Tag(name = "OAuth2")
public class UserInfoEndpoint {

    /** Also where the container's refusal of a bad bearer token is answered as RFC 6750 asks. */
    public static final String PATH = "/oauth2/userinfo";

    @EJB
    TokenService tokens;

    @EJB
    AccountService accounts;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The signed-in person's claims, for an access token with the openid scope")
    public Response get(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return answer(authorization);
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The same, by POST (OpenID Connect Core 1.0 §5.3.1)")
    public Response post(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return answer(authorization);
    }

    private Response answer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return refused(Response.Status.UNAUTHORIZED, "Bearer realm=\"gatehouse\"", "invalid_request",
                    "UserInfo needs an access token: send Authorization: Bearer <token>.");
        }
        TokenCheck check = tokens.check(authorization.substring(7).strip());
        if (!check.isAccepted()) {
            return refused(Response.Status.UNAUTHORIZED, "Bearer realm=\"gatehouse\", error=\"invalid_token\","
                    + " error_description=\"" + OAuthError.safeText(check.description()) + "\"", "invalid_token",
                    check.description());
        }
        TokenClaims claims = check.claims().get();
        Optional<UUID> person = claims.scopes().contains(OpenIdScopes.OPENID) ? account(claims.subject())
                : Optional.empty();
        if (person.isEmpty()) {
            return refused(Response.Status.FORBIDDEN, "Bearer realm=\"gatehouse\", error=\"insufficient_scope\","
                    + " scope=\"openid\"", "insufficient_scope",
                    "UserInfo needs a person's token with the openid scope.");
        }
        Optional<AccountView> account = accounts.active(person.get());
        if (account.isEmpty()) {
            return refused(Response.Status.UNAUTHORIZED, "Bearer realm=\"gatehouse\", error=\"invalid_token\","
                    + " error_description=\"The account is no longer active.\"", "invalid_token",
                    "The account is no longer active.");
        }
        JsonObjectBuilder info = JsonOutput.object().add("sub", claims.subject());
        if (claims.scopes().contains(OpenIdScopes.PROFILE)) {
            info.add("preferred_username", account.get().username()).add("name", account.get().displayName());
        }
        if (claims.scopes().contains(OpenIdScopes.EMAIL)) {
            info.add("email", account.get().email()).add("email_verified", false);
        }
        return Response.ok(info.build()).cacheControl(CacheControl.valueOf("no-store")).build();
    }

    /** A person's token has their account id as subject; a client's token has its client id. */
    private static Optional<UUID> account(String subject) {
        try {
            return Optional.of(UUID.fromString(subject));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * RFC 6750 §3's challenge, and the same error as a JSON body: without a body the server would answer with its
     * own HTML error page.
     */
    private static Response refused(Response.Status status, String challenge, String error, String description) {
        return Response.status(status).header(HttpHeaders.WWW_AUTHENTICATE, challenge)
                .cacheControl(CacheControl.valueOf("no-store")).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(JsonOutput.object().add("error", error)
                        .add("error_description", OAuthError.safeText(description)).build())
                .build();
    }
}
