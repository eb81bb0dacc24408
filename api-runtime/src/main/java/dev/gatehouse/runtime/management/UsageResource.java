package dev.gatehouse.runtime.management;

import dev.gatehouse.keymanager.usage.api.UsagePeriod;
import dev.gatehouse.keymanager.usage.api.UsageReport;
import dev.gatehouse.keymanager.usage.api.UsageReports;
import dev.gatehouse.runtime.authentication.AccountRequired;
import dev.gatehouse.runtime.authentication.SignedIn;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Usage for the people who publish and run the APIs: a publisher their APIs', an administrator everything. */
@Path("/management/v1")
@AccountRequired
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Management")
@SecurityRequirement(name = "basic")
public class UsageResource {

    @EJB
    UsageReports usage;

    @Inject
    SignedIn signedIn;

    @GET
    @Path("usage")
    @Operation(summary = "Every application's usage, by application and operation; administrators only",
            description = UsagePeriod.PARAMETERS)
    public UsageReport overall(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("granularity") String granularity) {
        return usage.overall(signedIn.caller(), UsagePeriod.of(from, to, granularity, Instant.now()));
    }

    @GET
    @Path("apis/{apiId}/usage")
    @Operation(summary = "One of your APIs' usage, by application and operation", description = UsagePeriod.PARAMETERS)
    public UsageReport ofApi(@PathParam("apiId") UUID apiId, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("granularity") String granularity) {
        return usage.ofApi(signedIn.caller(), apiId, UsagePeriod.of(from, to, granularity, Instant.now()));
    }
}
