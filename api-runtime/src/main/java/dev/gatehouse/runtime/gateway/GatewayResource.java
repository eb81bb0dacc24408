package dev.gatehouse.runtime.gateway;

import dev.gatehouse.keymanager.apis.api.ApiRoute;
import dev.gatehouse.keymanager.apis.api.MockResponse;
import dev.gatehouse.keymanager.apis.api.RouteOperation;
import dev.gatehouse.keymanager.applications.api.ApplicationStatus;
import dev.gatehouse.keymanager.clients.api.Environment;
import dev.gatehouse.keymanager.subscriptions.api.SubscriptionAccess;
import dev.gatehouse.keymanager.tokens.api.TokenClaims;
import dev.gatehouse.runtime.limits.BodyTooLarge;
import dev.gatehouse.runtime.usage.UsageCounter;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The gateway: {@code /api/{context}/{version}/...} reaches the API published at that context and version. A
 * request is served only if, in order: its bearer token is valid (MicroProfile JWT and {@link TokenGate}), not
 * revoked, its application is active and subscribed to the API with an active subscription, the API is published
 * or deprecated, the path and method name one of the API's operations, the token's environment has an endpoint,
 * the token carries the operation's scopes and the plan's rate limit allows it. Each refusal says why, with a
 * stable reason code. Then the operation is answered from its OpenAPI example (mock endpoint) or proxied.
 */
@Path("api/{context}/{version}{path: (/.*)?}")
@Tag(name = "Gateway")
public class GatewayResource {

    @Inject
    TokenGate tokens;

    @Inject
    GatewayCache cache;

    @Inject
    RateLimiter rateLimiter;

    @Inject
    BackendProxy proxy;

    @Inject
    GatewayMetrics metrics;

    @Inject
    UsageCounter usage;

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest servletRequest;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @PathParam("context")
    String context;

    @PathParam("version")
    String version;

    @Encoded
    @PathParam("path")
    String path;

    @GET
    @Operation(summary = "Call a published API (GET)", description = "Bearer token of a subscribed application.")
    public void get(@Suspended AsyncResponse response) {
        serve("GET", InputStream.nullInputStream(), response);
    }

    @POST
    @Operation(summary = "Call a published API (POST)")
    public void post(InputStream body, @Suspended AsyncResponse response) {
        serve("POST", body, response);
    }

    @PUT
    @Operation(summary = "Call a published API (PUT)")
    public void put(InputStream body, @Suspended AsyncResponse response) {
        serve("PUT", body, response);
    }

    @PATCH
    @Operation(summary = "Call a published API (PATCH)")
    public void patch(InputStream body, @Suspended AsyncResponse response) {
        serve("PATCH", body, response);
    }

    @DELETE
    @Operation(summary = "Call a published API (DELETE)")
    public void delete(InputStream body, @Suspended AsyncResponse response) {
        serve("DELETE", body, response);
    }

    @HEAD
    @Operation(summary = "Call a published API (HEAD)")
    public void head(@Suspended AsyncResponse response) {
        serve("HEAD", InputStream.nullInputStream(), response);
    }

    @OPTIONS
    @Operation(summary = "Call a published API (OPTIONS)")
    public void options(InputStream body, @Suspended AsyncResponse response) {
        serve("OPTIONS", body, response);
    }

    private void serve(String method, InputStream body, AsyncResponse response) {
        long started = System.nanoTime();
        Instant now = Instant.now();
        if (!Route.isPlainPath(path == null ? "" : path)) {
            refuse(method, "unknown", null, Refusal.pathInvalid(), started, response);
            return;
        }
        Optional<Route> found = cache.route(context, version);
        if (found.isEmpty()) {
            refuse(method, "unknown", null, Refusal.apiNotFound(context, version), started, response);
            return;
        }
        Route route = found.get();
        ApiRoute api = route.api();
        String apiName = api.context() + "/" + api.version();
        TokenGate.Verdict verdict = tokens.verify(security, headers.getHeaderString(HttpHeaders.AUTHORIZATION), now);
        if (verdict.refusal() != null) {
            // without a valid token nobody shows a subscription: an API not in the catalog stays unknown
            refuse(method, apiName, null, route.isListed() ? verdict.refusal() : Refusal.apiNotFound(context, version),
                    started, response);
            return;
        }
        TokenClaims token = verdict.claims();
        Decision decision = decide(method, route, token, now);
        if (decision.refusal() != null) {
            refuse(method, apiName, token.applicationId(), decision.refusal(), started, response);
            count(method, api, token, decision.operationName(method), decision.refusal().status().getStatusCode(),
                    decision.refusal(), started);
            return;
        }
        Optional<RateLimiter.Decision> limit = decision.limit();
        if (api.isMock()) {
            Response answer = withLimit(mock(decision.operation().mock(), method), limit);
            metrics.served(method, apiName, token.applicationId(), answer.getStatus(), elapsed(started));
            count(method, api, token, decision.operationName(method), answer.getStatus(), null, started);
            response.resume(answer);
            return;
        }
        String base = token.environment() == Environment.SANDBOX ? api.sandboxUrl() : api.productionUrl();
        String query = uri.getRequestUri().getRawQuery();
        URI target = URI.create(stripSlash(base) + (path == null ? "" : path) + (query == null ? "" : "?" + query));
        long length = servletRequest.getContentLengthLong();
        // never left hanging: whatever becomes of the backend call, the caller gets an answer
        response.setTimeout(proxy.readTimeout().toMillis() + 5000, TimeUnit.MILLISECONDS);
        response.setTimeoutHandler(late -> late.resume(Refusal.gatewayFailure(Response.Status.GATEWAY_TIMEOUT,
                "backend_timeout", "The API's backend did not answer in time.").toResponse()));
        proxy.forward(new BackendProxy.Forward(method, target, headers.getRequestHeaders(), () -> body, length,
                api.forwardToken(), servletRequest.getRemoteAddr(), servletRequest.getScheme(),
                headers.getHeaderString(HttpHeaders.HOST), "/api/" + api.context() + "/" + api.version()))
                .whenComplete((answer, failure) -> {
                    Response result = answer != null ? withLimit(answer, limit)
                            : BodyTooLarge.in(failure).map(tooLarge -> Refusal.gatewayFailure(
                                    Response.Status.REQUEST_ENTITY_TOO_LARGE, "content_too_large",
                                    tooLarge.getMessage()).toResponse())
                            .orElseGet(() -> Refusal.gatewayFailure(Response.Status.BAD_GATEWAY, "backend_failed",
                                    "The API's backend could not be reached.").toResponse());
                    try {
                        metrics.served(method, apiName, token.applicationId(), result.getStatus(), elapsed(started));
                        count(method, api, token, decision.operationName(method), result.getStatus(), null, started);
                    } finally {
                        response.resume(result);
                    }
                });
    }

    private record Decision(RouteOperation operation, Optional<RateLimiter.Decision> limit, Refusal refusal) {
        static Decision refused(Refusal refusal) {
            return new Decision(null, Optional.empty(), refusal);
        }

        /** Refused once the operation is known: the refusal is counted under it. */
        static Decision refused(RouteOperation operation, Refusal refusal) {
            return new Decision(operation, Optional.empty(), refusal);
        }

        /** As usage names it: the operation's method and path template, or "*" when none matched. */
        String operationName(String method) {
            return operation == null ? method + " *" : operation.method() + " " + operation.pathTemplate();
        }
    }

    /** The checks after the token's own, in the documented order. */
    private Decision decide(String method, Route route, TokenClaims token, Instant now) {
        ApiRoute api = route.api();
        Optional<SubscriptionAccess> subscription = cache.subscription(token.applicationId(), api.id());
        if (subscription.isEmpty() && !route.isListed()) {
            // the same answer as for no API at all: the gateway does not reveal APIs outside the catalog
            return Decision.refused(Refusal.apiNotFound(context, version));
        }
        if (cache.revocations().covers(token)) {
            return Decision.refused(Refusal.invalidToken("token_revoked", "The token has been revoked."));
        }
        Optional<ApplicationStatus> application = cache.applicationStatus(token.applicationId());
        if (application.isEmpty()) {
            return Decision.refused(Refusal.invalidToken("application_deleted",
                    "The token's application has been deleted."));
        }
        if (application.get() == ApplicationStatus.BLOCKED) {
            return Decision.refused(Refusal.forbidden("application_blocked", "The application is blocked."));
        }
        if (subscription.isEmpty()) {
            return Decision.refused(Refusal.forbidden("not_subscribed",
                    "The application is not subscribed to " + api.name() + " " + api.version() + "."));
        }
        Refusal subscriptionRefusal = switch (subscription.get().status()) {
            case ACTIVE -> null;
            case ON_HOLD -> Refusal.forbidden("subscription_on_hold",
                    "The subscription is waiting for a publisher's approval.");
            case REJECTED -> Refusal.forbidden("subscription_rejected", "The subscription was rejected.");
            case BLOCKED -> Refusal.forbidden("subscription_blocked", "The subscription is blocked.");
            case PROD_ONLY_BLOCKED -> token.environment() == Environment.PRODUCTION
                    ? Refusal.forbidden("subscription_blocked", "The subscription is blocked in production.")
                    : null;
        };
        if (subscriptionRefusal != null) {
            return Decision.refused(subscriptionRefusal);
        }
        Refusal lifecycle = switch (api.lifecycle()) {
            case PUBLISHED, DEPRECATED -> null;
            case RETIRED -> Refusal.forbidden("api_retired", api.name() + " " + api.version() + " is retired.");
            case BLOCKED -> Refusal.forbidden("api_blocked", api.name() + " " + api.version() + " is blocked.");
            case CREATED -> Refusal.forbidden("api_not_published", api.name() + " " + api.version()
                    + " is not published.");
        };
        if (lifecycle != null) {
            return Decision.refused(lifecycle);
        }
        Route.Match match = route.match(method, path == null ? "" : path);
        if (match.operation().isEmpty()) {
            return Decision.refused(match.allowedMethods().isEmpty()
                    ? Refusal.notFound("operation_not_found", "The API has no operation at " + (path == null
                            || path.isEmpty() ? "/" : path) + ".")
                    : Refusal.methodNotAllowed(match.allowedMethods()));
        }
        RouteOperation operation = match.operation().get();
        if (!api.isMock()) {
            String base = token.environment() == Environment.SANDBOX ? api.sandboxUrl() : api.productionUrl();
            if (base == null) {
                return Decision.refused(operation, Refusal.forbidden("environment_unavailable", "The API has no "
                        + token.environment().name().toLowerCase(java.util.Locale.ROOT) + " endpoint."));
            }
        }
        if (!token.scopes().containsAll(operation.scopes())) {
            return Decision.refused(operation, Refusal.insufficientScope(String.join(" ", new TreeSet<>(operation.scopes()))));
        }
        Optional<RateLimiter.Decision> limit = rateLimiter.acquire(token.applicationId(), api.id(),
                subscription.get().plan(), now);
        if (limit.isPresent() && !limit.get().allowed()) {
            return Decision.refused(operation, Refusal.rateLimited(subscription.get().plan().limitText(), limit.get()));
        }
        return new Decision(operation, limit, null);
    }

    private static Response mock(MockResponse mock, String method) {
        if (mock == null) {
            return Response.ok().build();
        }
        Response.ResponseBuilder answer = Response.status(mock.status());
        if (mock.body() != null && !method.equals("HEAD")) {
            answer.entity(mock.body()).type(mock.contentType());
        }
        return answer.header("X-Gatehouse-Mock", "true").build();
    }

    private static Response withLimit(Response response, Optional<RateLimiter.Decision> limit) {
        if (limit.isEmpty()) {
            return response;
        }
        return Response.fromResponse(response).header("RateLimit-Limit", limit.get().limit())
                .header("RateLimit-Remaining", limit.get().remaining())
                .header("RateLimit-Reset", limit.get().resetSeconds()).build();
    }

    private void refuse(String method, String api, UUID applicationId, Refusal refusal, long started,
            AsyncResponse response) {
        metrics.refused(method, api, applicationId, refusal, elapsed(started));
        response.resume(refusal.toResponse());
    }

    /** Usage is counted for answers to a valid token: what its application's developer can act on. */
    private void count(String method, ApiRoute api, TokenClaims token, String operation, int status, Refusal refusal,
            long started) {
        if (refusal != null && refusal.reason().equals("api_not_found")) {
            return; // an API the caller may not learn of does not show in its usage either
        }
        usage.count(new UsageCounter.Answer(token.applicationId(), api, token.environment().name(), operation, method,
                path, status, refusal == null ? null : refusal.reason(), refusal == null ? null : refusal.description(),
                System.nanoTime() - started));
    }

    private static Duration elapsed(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private static String stripSlash(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
