package dev.gatehouse.runtime.developer;

import dev.gatehouse.keymanager.clients.api.ApplicationKeys;
import dev.gatehouse.keymanager.clients.api.Environment;
import dev.gatehouse.keymanager.clients.api.GeneratedKeys;
import dev.gatehouse.keymanager.clients.api.KeySetView;
import dev.gatehouse.keymanager.clients.api.KeysNotGenerated;
import dev.gatehouse.keymanager.clients.api.NewSecret;
import dev.gatehouse.keymanager.clients.api.OAuthConfiguration;
import dev.gatehouse.keymanager.clients.api.SecretRequest;
import dev.gatehouse.keymanager.clients.api.SecretView;
import dev.gatehouse.keymanager.tokens.api.IssuedToken;
import dev.gatehouse.runtime.authentication.AccountRequired;
import dev.gatehouse.runtime.authentication.SignedIn;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An application's OAuth2 keys per environment (PRODUCTION, SANDBOX): secrets, configuration, test tokens. */
@Path("/developer/v1/applications/{applicationId}/keys/{environment}")
@AccountRequired
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "OAuth2 keys")
@SecurityRequirement(name = "basic")
public class KeysResource {

    /** Answers that carry a secret or a token must not be stored by any cache. */
    private static final CacheControl NO_STORE = CacheControl.valueOf("no-store");

    @EJB
    ApplicationKeys keys;

    @Inject
    SignedIn signedIn;

    @PathParam("applicationId")
    UUID applicationId;

    @PathParam("environment")
    String environment;

    /** The body of a test-token request. */
    public record TokenOptions(Set<String> scopes, Integer validitySeconds) {
    }

    @POST
    @Operation(summary = "Generate the consumer key and a first secret; the secret is in this answer only")
    public Response generate() {
        GeneratedKeys generated = keys.generate(signedIn.caller(), applicationId, environment());
        return Response.status(Response.Status.CREATED).cacheControl(NO_STORE).entity(generated).build();
    }

    @GET
    @Operation(summary = "The key set, without secret values")
    public KeySetView get() {
        return keys.find(signedIn.caller(), applicationId, environment()).orElseThrow(KeysNotGenerated::new);
    }

    @PUT
    @Path("configuration")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the advanced OAuth2 configuration: grant types, token lifetimes, callback URL, PKCE")
    public KeySetView configure(@NotNull(message = "a JSON body is required") @Valid OAuthConfiguration configuration) {
        return keys.configure(signedIn.caller(), applicationId, environment(), configuration);
    }

    @GET
    @Path("secrets")
    @Operation(summary = "The secrets: name, created, expires, last used; never their values")
    public List<SecretView> secrets() {
        return get().secrets();
    }

    @POST
    @Path("secrets")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a secret (to rotate without downtime); its value is in this answer only")
    public Response addSecret(@NotNull(message = "a JSON body is required") @Valid SecretRequest request) {
        NewSecret secret = keys.addSecret(signedIn.caller(), applicationId, environment(), request);
        return Response.status(Response.Status.CREATED).cacheControl(NO_STORE).entity(secret).build();
    }

    @DELETE
    @Path("secrets/{secretId}")
    @Operation(summary = "Revoke a secret and every token issued with it")
    public Response revokeSecret(@PathParam("secretId") UUID secretId) {
        keys.revokeSecret(signedIn.caller(), applicationId, environment(), secretId);
        return Response.noContent().build();
    }

    @POST
    @Path("secrets/{secretId}/regenerate")
    @Operation(summary = "Replace a secret with a new one; the old one is revoked with its tokens")
    public Response regenerateSecret(@PathParam("secretId") UUID secretId) {
        NewSecret secret = keys.regenerateSecret(signedIn.caller(), applicationId, environment(), secretId);
        return Response.status(Response.Status.CREATED).cacheControl(NO_STORE).entity(secret).build();
    }

    @POST
    @Path("token")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A test access token, as the client-credentials grant would issue it")
    public Response token(TokenOptions options) {
        TokenOptions chosen = options == null ? new TokenOptions(Set.of(), null) : options;
        IssuedToken token = keys.testToken(signedIn.caller(), applicationId, environment(),
                chosen.scopes() == null ? Set.of() : chosen.scopes(), chosen.validitySeconds());
        return Response.ok(token).cacheControl(NO_STORE).header("Pragma", "no-cache").build();
    }

    private Environment environment() {
        try {
            return Environment.valueOf(environment.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("Environments are PRODUCTION and SANDBOX.");
        }
    }
}
