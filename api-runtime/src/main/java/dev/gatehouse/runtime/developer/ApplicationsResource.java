package dev.gatehouse.runtime.developer;

import dev.gatehouse.keymanager.applications.api.ApplicationDetails;
import dev.gatehouse.keymanager.applications.api.ApplicationService;
import dev.gatehouse.keymanager.applications.api.ApplicationView;
import dev.gatehouse.keymanager.usage.api.UsagePeriod;
import dev.gatehouse.keymanager.usage.api.UsageReport;
import dev.gatehouse.keymanager.usage.api.UsageReports;
import dev.gatehouse.runtime.authentication.AccountRequired;
import dev.gatehouse.runtime.authentication.SignedIn;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/developer/v1/applications")
@AccountRequired
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Applications")
@SecurityRequirement(name = "basic")
public class ApplicationsResource {

    @EJB
    ApplicationService applications;

    @EJB
    UsageReports usage;

    @Inject
    SignedIn signedIn;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an application; its name is unique among yours, ignoring case")
    public Response create(@NotNull(message = "a JSON body is required") @Valid ApplicationDetails details,
            @Context UriInfo uri) {
        ApplicationView application = applications.create(signedIn.caller(), details);
        return Response.created(uri.getAbsolutePathBuilder().path(application.id().toString()).build())
                .entity(application).build();
    }

    @GET
    @Operation(summary = "Your applications")
    public List<ApplicationView> list() {
        return applications.listMine(signedIn.caller());
    }

    @GET
    @Path("{applicationId}")
    @Operation(summary = "One of your applications")
    public ApplicationView get(@PathParam("applicationId") UUID applicationId) {
        return applications.get(signedIn.caller(), applicationId);
    }

    @PUT
    @Path("{applicationId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rename or describe an application")
    public ApplicationView update(@PathParam("applicationId") UUID applicationId,
            @NotNull(message = "a JSON body is required") @Valid ApplicationDetails details) {
        return applications.update(signedIn.caller(), applicationId, details);
    }

    @DELETE
    @Path("{applicationId}")
    @Operation(summary = "Delete an application with its keys and subscriptions; its tokens stop working")
    public Response delete(@PathParam("applicationId") UUID applicationId) {
        applications.delete(signedIn.caller(), applicationId);
        return Response.noContent().build();
    }

    @GET
    @Path("{applicationId}/usage")
    @Operation(summary = "What the gateway answered this application: calls, refusals by reason and why, latency",
            description = UsagePeriod.PARAMETERS)
    public UsageReport usage(@PathParam("applicationId") UUID applicationId, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("granularity") String granularity) {
        return usage.ofApplication(signedIn.caller(), applicationId,
                UsagePeriod.of(from, to, granularity, Instant.now()));
    }
}
