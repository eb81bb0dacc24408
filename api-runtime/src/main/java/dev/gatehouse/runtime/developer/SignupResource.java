package dev.gatehouse.runtime.developer;

import dev.gatehouse.keymanager.accounts.api.AccountService;
import dev.gatehouse.keymanager.accounts.api.AccountView;
import dev.gatehouse.keymanager.accounts.api.SignUp;
import jakarta.ejb.EJB;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/developer/v1/signup")
@Tag(name = "Developer accounts")
public class SignupResource {

    @EJB
    AccountService accounts;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a developer account (self-signup; can be turned off with gatehouse.signup.enabled)")
    public Response signUp(@NotNull(message = "a JSON body is required") @Valid SignUp signUp) {
        AccountView account = accounts.signUp(signUp);
        return Response.status(Response.Status.CREATED).entity(account).build();
    }
}
