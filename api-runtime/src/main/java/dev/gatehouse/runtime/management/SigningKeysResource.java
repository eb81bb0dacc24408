package dev.gatehouse.runtime.management;

import dev.gatehouse.keymanager.signingkeys.api.SigningKeyView;
import dev.gatehouse.keymanager.signingkeys.api.SigningKeys;
import dev.gatehouse.runtime.authentication.AccountRequired;
import dev.gatehouse.runtime.authentication.SignedIn;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The keys that sign access tokens, for administrators (HTTP Basic with an administrator's account; audited). */
@Path("/management/v1/signing-keys")
@AccountRequired
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Management")
@SecurityRequirement(name = "basic")
public class SigningKeysResource {

    @EJB
    SigningKeys keys;

    @Inject
    SignedIn signedIn;

    @GET
    @Operation(summary = "Every signing key, newest first, with its status (ACTIVE, PASSIVE, DISABLED) and times;"
            + " never key material")
    public List<SigningKeyView> keys() {
        return keys.list(signedIn.caller());
    }

    @POST
    @Path("rotation")
    @Operation(summary = "Rotate now: a new key is published at once and signs after the publication delay"
            + " (gatehouse.keys.publication-delay), so no valid token is refused; a rotation under way is returned")
    public SigningKeyView rotate() {
        return keys.rotate(signedIn.caller());
    }

    @POST
    @Path("{kid}/disable")
    @Operation(summary = "Disable a compromised key: every token it signed is refused on every node within a"
            + " second; if it signs, the key waiting to sign (or a new key) signs from now")
    public SigningKeyView disable(@PathParam("kid") String kid) {
        return keys.disable(signedIn.caller(), kid);
    }
}
