package dev.gatehouse.runtime.gateway;

import dev.gatehouse.keymanager.apis.api.ApiRoute;
import dev.gatehouse.keymanager.apis.api.MockResponse;
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
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The gateway: {@code /api/{context}/{version}/...} reaches the API published at that context and version. This
 * class does the HTTP: a request needs a valid bearer token first ({@link TokenGate}), before
 * the API is even looked up, so that a caller without one cannot tell which APIs exist; {@link AccessPolicy} then
 * decides from memory, and each refusal says why with a stable reason code. A granted request is answered from its
 * OpenAPI example (mock endpoint) or proxied to the backend that the decision chose.
 */
@Path("api/{context}/{version}{path: (/.*)?}")
@Tag(name = "Gateway")
public class GatewayResource {

    /** The metrics' API label when the request names no API the caller may know of. */
    private static final String UNKNOWN = "unknown";

    @Inject
    TokenGate tokens;

    @Inject
    GatewayCache cache;

    @Inject
    AccessPolicy policy;

    @Inject
    BackendProxy proxy;

    @Inject
    GatewayMetrics metrics;

    @Inject
    UsageCounter usage;

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
        String operationPath = path == null ? "" : path;
        if (!Route.isPlainPath(operationPath)) {
            refuse(method, UNKNOWN, null, Refusal.pathInvalid(), started, response);
            return;
        }
        // the token first: a caller without a valid one learns nothing of which APIs exist, and costs no query:
        // its refusal is labelled with the API only if signed-in calls have put the route in memory already
        TokenGate.Verdict verdict = tokens.verify(headers.getHeaderString(HttpHeaders.AUTHORIZATION), now);
        if (verdict.refusal() != null) {
            refuse(method, cache.routeInMemory(context, version).filter(Route::isListed)
                    .map(GatewayResource::label).orElse(UNKNOWN), null, verdict.refusal(), started, response);
            return;
        }
        Optional<Route> found = cache.route(context, version);
        if (found.isEmpty()) {
            refuse(method, UNKNOWN, null, Refusal.apiNotFound(context, version), started, response);
            return;
        }
        ApiRoute api = found.get().api();
        String apiName = label(found.get());
        TokenClaims token = verdict.claims();
        Access access = policy.decide(method, operationPath, found.get(), token, now);
        if (!access.isGranted()) {
            refuse(method, apiName, token.applicationId(), access.refusal(), started, response);
            count(method, api, token, access, access.refusal().status().getStatusCode(), started);
            return;
        }
        if (api.isMock()) {
            Response answer = withLimit(mock(access.operation().mock(), method), access.limit());
            metrics.served(method, apiName, token.applicationId(), answer.getStatus(), elapsed(started));
            count(method, api, token, access, answer.getStatus(), started);
            response.resume(answer);
            return;
        }
        String query = uri.getRequestUri().getRawQuery();
        URI target = URI.create(stripSlash(access.backend()) + operationPath + (query == null ? "" : "?" + query));
        long length = servletRequest.getContentLengthLong();
        // never left hanging: whatever becomes of the backend call, the caller gets an answer
        response.setTimeout(proxy.readTimeout().toMillis() + 5000, TimeUnit.MILLISECONDS);
        response.setTimeoutHandler(late -> late.resume(Refusal.gatewayFailure(Response.Status.GATEWAY_TIMEOUT,
                "backend_timeout", "The API's backend did not answer in time.").toResponse()));
        proxy.forward(new BackendProxy.Forward(method, target, headers.getRequestHeaders(), () -> body, length,
                api.forwardToken(), servletRequest.getRemoteAddr(), servletRequest.getScheme(),
                headers.getHeaderString(HttpHeaders.HOST), "/api/" + api.context() + "/" + api.version()))
                .whenComplete((answer, failure) -> {
                    Response result = answer != null ? withLimit(answer, access.limit())
                            : BodyTooLarge.in(failure).map(tooLarge -> Refusal.gatewayFailure(
                                    Response.Status.REQUEST_ENTITY_TOO_LARGE, "content_too_large",
                                    tooLarge.getMessage()).toResponse())
                            .orElseGet(() -> Refusal.gatewayFailure(Response.Status.BAD_GATEWAY, "backend_failed",
                                    "The API's backend could not be reached.").toResponse());
                    try {
                        metrics.served(method, apiName, token.applicationId(), result.getStatus(), elapsed(started));
                        count(method, api, token, access, result.getStatus(), started);
                    } finally {
                        response.resume(result);
                    }
                });
    }

    /** The API as metrics name it. */
    private static String label(Route route) {
        return route.api().context() + "/" + route.api().version();
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
    private void count(String method, ApiRoute api, TokenClaims token, Access access, int status, long started) {
        Refusal refusal = access.refusal();
        if (refusal != null && refusal.reason().equals("api_not_found")) {
            return; // an API the caller may not learn of does not show in its usage either
        }
        usage.count(new UsageCounter.Answer(token.applicationId(), api, token.environment().name(),
                access.operationName(method), method, path, status, refusal == null ? null : refusal.reason(),
                refusal == null ? null : refusal.description(), System.nanoTime() - started));
    }

    private static Duration elapsed(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private static String stripSlash(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
