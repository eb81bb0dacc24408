package dev.gatehouse.runtime.oauth;

import dev.gatehouse.keymanager.signingkeys.api.PublishedKeys;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** RFC 7517 key set: the public halves of the keys that sign, and of those whose tokens may still be alive. */
@Path("/oauth2/jwks")
@Tag(name = "OAuth2")
public class JwksEndpoint {

    /**
     * Far shorter than the publication delay of a rotated key, so verifiers have it before it signs; short enough
     * that a resource server caching by max-age knows the key taking over from a disabled one within seconds.
     */
    private static final CacheControl CACHE = CacheControl.valueOf("public, max-age=10");

    @EJB
    PublishedKeys keys;

    @GET
    @Produces({MediaType.APPLICATION_JSON, "application/jwk-set+json"})
    @Operation(summary = "The JSON Web Key Set that verifies Gatehouse access tokens")
    public Response jwks() {
        return Response.ok(keys.jwks(), MediaType.APPLICATION_JSON_TYPE).cacheControl(CACHE).build();
    }
}
