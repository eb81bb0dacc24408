package dev.gatehouse.runtime.gateway;

import dev.gatehouse.keymanager.apis.api.ApiRoute;
import dev.gatehouse.keymanager.apis.api.MockResponse;
import dev.gatehouse.keymanager.tokens.api.TokenClaims;
import dev.gatehouse.runtime.limits.BodyTooLarge;
import dev.gatehouse.runtime.usage.UsageCounter;
import jakarta.enterprise.context.ApplicationScoped;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
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
@ApplicationScoped // one instance: a resource made and injected per request cost a fifth of a gateway request
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

    /** One request to the gateway, as the resource methods received it. */
    private record Call(String method, String context, String version, String path, HttpHeaders headers,
            HttpServletRequest request, InputStream body) {
    }

    // Each method answers with a stage: one already complete (a refusal, a mock answer) is written at once on the
    // request's thread, without the cost of an asynchronous response; a backend's answer completes it later.

    @GET
    @Operation(summary = "Call a published API (GET)", description = "Bearer token of a subscribed application.")
    public CompletionStage<Response> get(@PathParam("context") String context, @PathParam("version") String version,
            @Encoded @PathParam("path") String path, @Context HttpHeaders headers,
            @Context HttpServletRequest request) {
        return serve(new Call("GET", context, version, path, headers, request, InputStream.nullInputStream()));
    }

    @POST
    @Operation(summary = "Call a published API (POST)")
    public CompletionStage<Response> post(@PathParam("context") String context, @PathParam("version") String version,
            @Encoded @PathParam("path") String path, @Context HttpHeaders headers,
            @Context HttpServletRequest request, InputStream body) {
        return serve(new Call("POST", context, version, path, headers, request, body));
    }

    @PUT
    @Operation(summary = "Call a published API (PUT)")
    public CompletionStage<Response> put(@PathParam("context") String context, @PathParam("version") String version,
            @Encoded @PathParam("path") String path, @Context HttpHeaders headers,
            @Context HttpServletRequest request, InputStream body) {
        return serve(new Call("PUT", context, version, path, headers, request, body));
    }

    @PATCH
    @Operation(summary = "Call a published API (PATCH)")
    public CompletionStage<Response> patch(@PathParam("context") String context,
            @PathParam("version") String version, @Encoded @PathParam("path") String path,
            @Context HttpHeaders headers, @Context HttpServletRequest request, InputStream body) {
        return serve(new Call("PATCH", context, version, path, headers, request, body));
    }

    @DELETE
    @Operation(summary = "Call a published API (DELETE)")
    public CompletionStage<Response> delete(@PathParam("context") String context,
            @PathParam("version") String version, @Encoded @PathParam("path") String path,
            @Context HttpHeaders headers, @Context HttpServletRequest request, InputStream body) {
        return serve(new Call("DELETE", context, version, path, headers, request, body));
    }

    @HEAD
    @Operation(summary = "Call a published API (HEAD)")
    public CompletionStage<Response> head(@PathParam("context") String context, @PathParam("version") String version,
            @Encoded @PathParam("path") String path, @Context HttpHeaders headers,
            @Context HttpServletRequest request) {
        return serve(new Call("HEAD", context, version, path, headers, request, InputStream.nullInputStream()));
    }

    @OPTIONS
    @Operation(summary = "Call a published API (OPTIONS)")
    public CompletionStage<Response> options(@PathParam("context") String context,
            @PathParam("version") String version, @Encoded @PathParam("path") String path,
            @Context HttpHeaders headers, @Context HttpServletRequest request, InputStream body) {
        return serve(new Call("OPTIONS", context, version, path, headers, request, body));
    }

    private CompletionStage<Response> serve(Call call) {
        long started = System.nanoTime();
        Instant now = Instant.now();
        String method = call.method();
        String operationPath = call.path() == null ? "" : call.path();
        if (!Route.isPlainPath(operationPath)) {
            return refuse(method, UNKNOWN, null, Refusal.pathInvalid(), started);
        }
        // the token first: a caller without a valid one learns nothing of which APIs exist, and costs no query:
        // its refusal is labelled with the API only if signed-in calls have put the route in memory already
        TokenGate.Verdict verdict = tokens.verify(call.headers().getHeaderString(HttpHeaders.AUTHORIZATION), now);
        if (verdict.refusal() != null) {
            return refuse(method, cache.routeInMemory(call.context(), call.version()).filter(Route::isListed)
                    .map(GatewayResource::label).orElse(UNKNOWN), null, verdict.refusal(), started);
        }
        Optional<Route> found = cache.route(call.context(), call.version());
        if (found.isEmpty()) {
            return refuse(method, UNKNOWN, null, Refusal.apiNotFound(call.context(), call.version()), started);
        }
        ApiRoute api = found.get().api();
        String apiName = label(found.get());
        TokenClaims token = verdict.claims();
        Access access = policy.decide(method, operationPath, found.get(), token, now);
        if (!access.isGranted()) {
            count(call, api, token, access, access.refusal().status().getStatusCode(), started);
            return refuse(method, apiName, token.applicationId(), access.refusal(), started);
        }
        if (api.isMock()) {
            Response answer = withLimit(mock(access.operation().mock(), method), access.limit());
            metrics.served(method, apiName, token.applicationId(), answer.getStatus(), elapsed(started));
            count(call, api, token, access, answer.getStatus(), started);
            return CompletableFuture.completedFuture(answer);
        }
        HttpServletRequest request = call.request();
        String query = request.getQueryString();
        URI target = URI.create(stripSlash(access.backend()) + operationPath + (query == null ? "" : "?" + query));
        return proxy.forward(new BackendProxy.Forward(method, target, call.headers().getRequestHeaders(),
                        call::body, request.getContentLengthLong(), api.forwardToken(), request.getRemoteAddr(),
                        request.getScheme(), call.headers().getHeaderString(HttpHeaders.HOST),
                        "/api/" + api.context() + "/" + api.version()))
                .handle((answer, failure) -> answer != null ? withLimit(answer, access.limit())
                        : BodyTooLarge.in(failure).map(tooLarge -> Refusal.gatewayFailure(
                                Response.Status.REQUEST_ENTITY_TOO_LARGE, "content_too_large",
                                tooLarge.getMessage()).toResponse())
                        .orElseGet(() -> Refusal.gatewayFailure(Response.Status.BAD_GATEWAY, "backend_failed",
                                "The API's backend could not be reached.").toResponse()))
                // never left hanging: whatever becomes of the backend call, the caller gets an answer
                .completeOnTimeout(Refusal.gatewayFailure(Response.Status.GATEWAY_TIMEOUT, "backend_timeout",
                        "The API's backend did not answer in time.").toResponse(),
                        proxy.readTimeout().toMillis() + 5000, TimeUnit.MILLISECONDS)
                .thenApply(result -> {
                    try {
                        metrics.served(method, apiName, token.applicationId(), result.getStatus(), elapsed(started));
                        count(call, api, token, access, result.getStatus(), started);
                    } catch (RuntimeException e) {
                        System.getLogger(GatewayResource.class.getName()).log(System.Logger.Level.WARNING,
                                "GH-GW-041 A served request could not be counted", e);
                    }
                    return result;
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

    private CompletionStage<Response> refuse(String method, String api, UUID applicationId, Refusal refusal,
            long started) {
        metrics.refused(method, api, applicationId, refusal, elapsed(started));
        return CompletableFuture.completedFuture(refusal.toResponse());
    }

    /** Usage is counted for answers to a valid token: what its application's developer can act on. */
    private void count(Call call, ApiRoute api, TokenClaims token, Access access, int status, long started) {
        Refusal refusal = access.refusal();
        if (refusal != null && refusal.reason().equals("api_not_found")) {
            return; // an API the caller may not learn of does not show in its usage either
        }
        usage.count(new UsageCounter.Answer(token.applicationId(), api, token.environment().name(),
                access.operationName(call.method()), call.method(), call.path(), status,
                refusal == null ? null : refusal.reason(), refusal == null ? null : refusal.description(),
                System.nanoTime() - started));
    }

    private static Duration elapsed(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private static String stripSlash(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
