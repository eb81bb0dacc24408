package dev.gatehouse.runtime.management;

import dev.gatehouse.keymanager.accounts.api.AccountPage;
import dev.gatehouse.keymanager.accounts.api.AccountService;
import dev.gatehouse.keymanager.accounts.api.AccountView;
import dev.gatehouse.keymanager.accounts.api.Role;
import dev.gatehouse.keymanager.apis.api.ApiImport;
import dev.gatehouse.keymanager.apis.api.ApiService;
import dev.gatehouse.keymanager.apis.api.ApiUpdate;
import dev.gatehouse.keymanager.applications.api.ApplicationCard;
import dev.gatehouse.keymanager.applications.api.ApplicationService;
import dev.gatehouse.keymanager.applications.api.ApplicationStatus;
import dev.gatehouse.keymanager.applications.api.ApplicationView;
import dev.gatehouse.keymanager.audit.api.AuditEventView;
import dev.gatehouse.keymanager.apis.api.ApiView;
import dev.gatehouse.keymanager.apis.api.Lifecycle;
import dev.gatehouse.keymanager.plans.api.PlanDefinition;
import dev.gatehouse.keymanager.plans.api.PlanService;
import dev.gatehouse.keymanager.plans.api.PlanView;
import dev.gatehouse.keymanager.subscriptions.api.SubscriptionService;
import dev.gatehouse.keymanager.subscriptions.api.SubscriptionStatus;
import dev.gatehouse.keymanager.subscriptions.api.SubscriptionView;
import dev.gatehouse.runtime.authentication.AccountRequired;
import dev.gatehouse.runtime.authentication.SignedIn;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * For publishers and administrators (HTTP Basic with such an account): APIs, lifecycle, plans, subscriptions; a
 * publisher sees and changes only the APIs they own and the subscriptions to them. Accounts and their roles are for
 * administrators.
 */
@Path("/management/v1")
@AccountRequired
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Management")
@SecurityRequirement(name = "basic")
public class ManagementResource {

    @EJB
    ApiService apis;

    @EJB
    PlanService plans;

    @EJB
    ApplicationService applications;

    @EJB
    SubscriptionService subscriptions;

    @EJB
    AccountService accounts;

    @Inject
    SignedIn signedIn;

    public record LifecycleChange(@NotNull(message = "lifecycle is required") Lifecycle lifecycle) {
    }

    @POST
    @Path("apis")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an API from an OpenAPI 3.0/3.1 document (JSON or YAML, at most 2 MB); it starts CREATED")
    public Response importApi(@NotNull(message = "a JSON body is required") @Valid ApiImport request) {
        return Response.status(Response.Status.CREATED).entity(apis.importApi(signedIn.caller(), request)).build();
    }

    @GET
    @Path("apis")
    @Operation(summary = "APIs, whatever their lifecycle: every one for an administrator, their own for a publisher")
    public List<ApiView> apis() {
        return apis.listAll(signedIn.caller());
    }

    @PUT
    @Path("apis/{apiId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change an API in place: a new OpenAPI document (optional), endpoints, offered plans",
            description = "Context and version stay; the gateway applies the change within a second.")
    public ApiView updateApi(@PathParam("apiId") UUID apiId,
            @NotNull(message = "a JSON body is required") @Valid ApiUpdate update) {
        return apis.update(signedIn.caller(), apiId, update);
    }

    @POST
    @Path("apis/{apiId}/lifecycle")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move an API through its lifecycle: CREATED → PUBLISHED → DEPRECATED → RETIRED, or BLOCKED")
    public ApiView lifecycle(@PathParam("apiId") UUID apiId,
            @NotNull(message = "a JSON body is required") @Valid LifecycleChange change) {
        return apis.changeLifecycle(signedIn.caller(), apiId, change.lifecycle());
    }

    @GET
    @Path("apis/{apiId}/subscriptions")
    @Operation(summary = "Every subscription to one of your APIs, whatever its status: application, developer, plan")
    public List<SubscriptionView> subscribers(@PathParam("apiId") UUID apiId) {
        return subscriptions.ofApi(signedIn.caller(), apiId);
    }

    @GET
    @Path("apis/{apiId}/history")
    @Operation(summary = "What was done to one of your APIs (import, changes, lifecycle), by whom and when, newest first")
    public List<AuditEventView> history(@PathParam("apiId") UUID apiId) {
        return apis.history(signedIn.caller(), apiId);
    }

    @GET
    @Path("plans")
    @Operation(summary = "The business plans")
    public List<PlanView> plans() {
        return plans.list();
    }

    @POST
    @Path("plans")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a business plan (administrators): requests per SECOND/MINUTE/HOUR/DAY, burst, approval")
    public Response createPlan(@NotNull(message = "a JSON body is required") @Valid PlanDefinition definition) {
        return Response.status(Response.Status.CREATED).entity(plans.create(signedIn.caller(), definition)).build();
    }

    @GET
    @Path("subscriptions")
    @Operation(summary = "Subscriptions with a status (ON_HOLD: awaiting approval); a publisher's: to their own APIs")
    public List<SubscriptionView> subscriptions(@QueryParam("status") @DefaultValue("ON_HOLD") SubscriptionStatus status) {
        return subscriptions.withStatus(signedIn.caller(), status);
    }

    @POST
    @Path("subscriptions/{subscriptionId}/approve")
    public SubscriptionView approve(@PathParam("subscriptionId") UUID subscriptionId) {
        return subscriptions.approve(signedIn.caller(), subscriptionId);
    }

    @POST
    @Path("subscriptions/{subscriptionId}/reject")
    public SubscriptionView reject(@PathParam("subscriptionId") UUID subscriptionId) {
        return subscriptions.reject(signedIn.caller(), subscriptionId);
    }

    @POST
    @Path("subscriptions/{subscriptionId}/block")
    @Operation(summary = "Block a subscription everywhere, or in production only (?productionOnly=true)")
    public SubscriptionView block(@PathParam("subscriptionId") UUID subscriptionId,
            @QueryParam("productionOnly") @DefaultValue("false") boolean productionOnly) {
        return subscriptions.block(signedIn.caller(), subscriptionId, productionOnly);
    }

    @POST
    @Path("subscriptions/{subscriptionId}/unblock")
    public SubscriptionView unblock(@PathParam("subscriptionId") UUID subscriptionId) {
        return subscriptions.unblock(signedIn.caller(), subscriptionId);
    }

    @POST
    @Path("applications/{applicationId}/block")
    @Operation(summary = "Block an application (administrators): the gateway refuses its tokens and it gets no new ones")
    public ApplicationView blockApplication(@PathParam("applicationId") UUID applicationId) {
        return applications.changeStatus(signedIn.caller(), applicationId, ApplicationStatus.BLOCKED);
    }

    @POST
    @Path("applications/{applicationId}/unblock")
    public ApplicationView unblockApplication(@PathParam("applicationId") UUID applicationId) {
        return applications.changeStatus(signedIn.caller(), applicationId, ApplicationStatus.ACTIVE);
    }

    /** Whether an application is the operator's own; the body: {@code {"firstParty": true}}. */
    public record FirstParty(boolean firstParty) {
    }

    @PUT
    @Path("applications/{applicationId}/first-party")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Mark an application first-party (administrators): people are not asked to consent to it")
    public ApplicationCard markFirstParty(@PathParam("applicationId") UUID applicationId,
            @NotNull(message = "a JSON body is required") FirstParty body) {
        return applications.markFirstParty(signedIn.caller(), applicationId, body.firstParty());
    }

    @GET
    @Path("accounts")
    @Operation(summary = "Every account with its roles, by username (administrators)")
    public AccountPage accounts(@QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size) {
        return accounts.accounts(signedIn.caller(), page, size);
    }

    @PUT
    @Path("accounts/{accountId}/roles/{role}")
    @Operation(summary = "Grant a role: DEVELOPER, PUBLISHER or ADMIN (administrators; audited)")
    public AccountView grantRole(@PathParam("accountId") UUID accountId, @PathParam("role") Role role) {
        return accounts.grantRole(signedIn.caller(), accountId, role);
    }

    @DELETE
    @Path("accounts/{accountId}/roles/{role}")
    @Operation(summary = "Take a role away (administrators; audited); the last administrator keeps ADMIN")
    public AccountView revokeRole(@PathParam("accountId") UUID accountId, @PathParam("role") Role role) {
        return accounts.revokeRole(signedIn.caller(), accountId, role);
    }
}
