package dev.gatehouse.runtime.developer;

import dev.gatehouse.keymanager.subscriptions.api.SubscriptionService;
import dev.gatehouse.keymanager.subscriptions.api.SubscriptionView;
import dev.gatehouse.runtime.authentication.AccountRequired;
import dev.gatehouse.runtime.authentication.SignedIn;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An application's subscriptions: subscribe with a plan, change plan, unsubscribe. */
@Path("/developer/v1/applications/{applicationId}/subscriptions")
@AccountRequired
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Subscriptions")
@SecurityRequirement(name = "basic")
public class SubscriptionsResource {

    @EJB
    SubscriptionService subscriptions;

    @Inject
    SignedIn signedIn;

    @PathParam("applicationId")
    UUID applicationId;

    public record NewSubscription(@NotNull(message = "apiId is required") UUID apiId,
            @NotNull(message = "planId is required") UUID planId) {
    }

    public record PlanChange(@NotNull(message = "planId is required") UUID planId) {
    }

    @GET
    @Operation(summary = "The application's subscriptions")
    public List<SubscriptionView> list() {
        return subscriptions.ofApplication(signedIn.caller(), applicationId);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe the application to a PUBLISHED API under one of its plans (ON_HOLD if the plan needs approval)")
    public Response subscribe(@NotNull(message = "a JSON body is required") @jakarta.validation.Valid NewSubscription request) {
        SubscriptionView subscription = subscriptions.subscribe(signedIn.caller(), applicationId, request.apiId(), request.planId());
        return Response.status(Response.Status.CREATED).entity(subscription).build();
    }

    @PUT
    @Path("{subscriptionId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the plan")
    public SubscriptionView changePlan(@PathParam("subscriptionId") UUID subscriptionId,
            @NotNull(message = "a JSON body is required") @jakarta.validation.Valid PlanChange change) {
        return subscriptions.changePlan(signedIn.caller(), applicationId, subscriptionId, change.planId());
    }

    @DELETE
    @Path("{subscriptionId}")
    @Operation(summary = "Unsubscribe")
    public Response unsubscribe(@PathParam("subscriptionId") UUID subscriptionId) {
        subscriptions.unsubscribe(signedIn.caller(), applicationId, subscriptionId);
        return Response.noContent().build();
    }
}
