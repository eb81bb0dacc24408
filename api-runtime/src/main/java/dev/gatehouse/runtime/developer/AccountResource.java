package dev.gatehouse.runtime.developer;

import dev.gatehouse.keymanager.accounts.api.AccountNotFound;
import dev.gatehouse.keymanager.accounts.api.AccountService;
import dev.gatehouse.keymanager.accounts.api.AccountView;
import dev.gatehouse.keymanager.accounts.api.PasswordChange;
import dev.gatehouse.runtime.authentication.AccountRequired;
import dev.gatehouse.runtime.authentication.AllowedBeforePasswordChange;
import dev.gatehouse.runtime.authentication.SignedIn;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The signed-in account itself: who it is, and its password. The only resource an account that must change its
 * password may use (see {@link BasicAuthenticationFilter}).
 */
@Path("/developer/v1/account")
@AccountRequired
@AllowedBeforePasswordChange
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Developer accounts")
@SecurityRequirement(name = "basic")
public class AccountResource {

    @EJB
    AccountService accounts;

    @Inject
    SignedIn signedIn;

    @GET
    @Operation(summary = "The signed-in account: username, roles, and whether its password must be changed")
    public AccountView me() {
        return accounts.active(signedIn.caller().accountId()).orElseThrow(AccountNotFound::new);
    }

    @PUT
    @Path("password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the account's password: the current one and a new one of 10 to 200 characters")
    public Response changePassword(@NotNull(message = "a JSON body is required") @Valid PasswordChange change) {
        // the old password's remembered sign-ins end with it, on every node (BasicAuthenticationFilter)
        accounts.changePassword(signedIn.caller(), change);
        return Response.noContent().build();
    }
}
