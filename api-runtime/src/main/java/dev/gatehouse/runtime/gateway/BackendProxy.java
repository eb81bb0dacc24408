package dev.gatehouse.runtime.gateway;

import dev.gatehouse.keymanager.apis.api.BackendAddresses;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Forwards a request to an API's backend with the JDK HTTP client, without blocking a request thread while the
 * backend works, and streams both bodies rather than holding them in memory. Hop-by-hop headers (RFC 9110 §7.6.1)
 * are not forwarded either way; the caller's Authorization header goes only to backends whose API asks for it.
 * A backend whose host resolves to an address that is not public (loopback, link-local, private...) is not
 * connected to unless the operator allows it, and a backend's cookies are kept to its API's path on the gateway,
 * which shares its origin with the portal.
 */
@ApplicationScoped
class BackendProxy {

    /** Hop-by-hop, or set by the client itself (the JDK refuses to have these set). */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "host",
            "content-length", "expect", "http2-settings");
    private static final Set<String> WITHOUT_BODY = Set.of("GET", "HEAD", "DELETE", "OPTIONS", "TRACE");
    private static final System.Logger LOG = System.getLogger(BackendProxy.class.getName());

    @Inject
    @ConfigProperty(name = BackendAddresses.CONFIG_KEY)
    Optional<String> allowedBackends;

    @Inject
    @ConfigProperty(name = "gatehouse.gateway.connect-timeout", defaultValue = "PT5S")
    Duration connectTimeout;

    @Inject
    @ConfigProperty(name = "gatehouse.gateway.read-timeout", defaultValue = "PT30S")
    Duration readTimeout;

    /** The client's callbacks run on the server's managed threads, where the application's context is active. */
    @Resource
    ManagedExecutorService executor;

    private HttpClient client;
    private BackendAddresses backends;

    @PostConstruct
    void start() {
        backends = BackendAddresses.allowing(allowedBackends.orElse(""));
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).executor(executor).build();
    }

    Duration readTimeout() {
        return readTimeout;
    }

    /**
     * What to forward: the request as the gateway received it, where it came from, and the API's path on the gateway
     * ({@code /api/{context}/{version}}), to which the backend's cookies are confined.
     */
    record Forward(String method, URI target, MultivaluedMap<String, String> headers, Supplier<InputStream> body,
            long contentLength, boolean forwardToken, String clientAddress, String scheme, String host,
            String apiPath) {
    }

    /**
     * The backend's response, streamed; a refused connection is 502, a timeout 504, a backend at an address the
     * gateway may not reach 502 without connecting. Never fails.
     */
    CompletableFuture<Response> forward(Forward forward) {
        Optional<Response> refused = refusedBackend(forward.target());
        if (refused.isPresent()) {
            return CompletableFuture.completedFuture(refused.get());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(forward.target()).timeout(readTimeout)
                .method(forward.method(), publisher(forward));
        forward.headers().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!NOT_FORWARDED.contains(lower) && !lower.startsWith("x-forwarded-")
                    && (forward.forwardToken() || !lower.equals("authorization"))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        List<String> forwardedFor = forward.headers().get("X-Forwarded-For");
        request.header("X-Forwarded-For", (forwardedFor == null || forwardedFor.isEmpty() ? ""
                : String.join(", ", forwardedFor) + ", ") + forward.clientAddress());
        request.header("X-Forwarded-Proto", forward.scheme());
        request.header("X-Forwarded-Host", forward.host());
        try {
            return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream())
                    .thenApply(backend -> relay(backend, forward.apiPath()))
                    .exceptionally(BackendProxy::failure);
        } catch (IllegalArgumentException e) {
            // a header value the JDK refuses to send
            return CompletableFuture.completedFuture(failure(e));
        }
    }

    /**
     * Resolves the backend's host now and refuses it if any of its addresses is not public and not allowed. The JVM
     * caches the lookup (networkaddress.cache.ttl, 30 s by default), so the HTTP client's own lookup an instant
     * later sees the same addresses; a DNS answer that changes in between is the remaining risk.
     */
    private Optional<Response> refusedBackend(URI target) {
        Optional<InetAddress> refused;
        try {
            refused = backends.refusedAtConnect(target.getHost());
        } catch (UnknownHostException e) {
            return Optional.of(Refusal.gatewayFailure(Response.Status.BAD_GATEWAY, "backend_unreachable",
                    "The API's backend host name does not resolve.").toResponse());
        }
        return refused.map(address -> {
            LOG.log(System.Logger.Level.WARNING, "GH-GW-030 Not connecting to backend host {0}: it resolves to {1},"
                    + " which is not a public address; allow it in {2} if it is meant to be reached",
                    target.getHost(), address.getHostAddress(), BackendAddresses.CONFIG_KEY);
            return Refusal.gatewayFailure(Response.Status.BAD_GATEWAY, "backend_forbidden",
                    "The API's backend is at an address the gateway does not reach.").toResponse();
        });
    }

    private static HttpRequest.BodyPublisher publisher(Forward forward) {
        if (WITHOUT_BODY.contains(forward.method()) && forward.contentLength() <= 0) {
            return HttpRequest.BodyPublishers.noBody();
        }
        HttpRequest.BodyPublisher stream = HttpRequest.BodyPublishers.ofInputStream(forward.body());
        return forward.contentLength() >= 0 ? HttpRequest.BodyPublishers.fromPublisher(stream, forward.contentLength())
                : stream;
    }

    private static Response relay(HttpResponse<InputStream> backend, String apiPath) {
        Response.ResponseBuilder response = Response.status(backend.statusCode());
        backend.headers().map().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("set-cookie")) {
                values.forEach(value -> response.header(name, confined(value, apiPath)));
            } else if (!NOT_FORWARDED.contains(lower) && !lower.equals("set-cookie2") && !name.startsWith(":")) {
                values.forEach(value -> response.header(name, value));
            }
        });
        StreamingOutput body = output -> {
            try (InputStream in = backend.body()) {
                in.transferTo(output);
            }
        };
        return response.entity(body).build();
    }

    /**
     * A backend's cookie as the gateway passes it on: the gateway and the portal share one origin, so a cookie must
     * not reach the portal's path (a planted session id) or other APIs. Domain goes and Path becomes the API's own.
     */
    static String confined(String setCookie, String apiPath) {
        String[] parts = setCookie.split(";");
        StringBuilder cookie = new StringBuilder(parts[0].strip());
        for (int i = 1; i < parts.length; i++) {
            String attribute = parts[i].strip();
            String name = attribute.split("=", 2)[0].strip().toLowerCase(Locale.ROOT);
            if (!attribute.isEmpty() && !name.equals("path") && !name.equals("domain")) {
                cookie.append("; ").append(attribute);
            }
        }
        return cookie.append("; Path=").append(apiPath).toString();
    }

    private static Response failure(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof HttpTimeoutException) {
            return Refusal.gatewayFailure(Response.Status.GATEWAY_TIMEOUT, "backend_timeout",
                    "The API's backend did not answer in time.").toResponse();
        }
        if (cause instanceof ConnectException) {
            return Refusal.gatewayFailure(Response.Status.BAD_GATEWAY, "backend_unreachable",
                    "The API's backend refused the connection.").toResponse();
        }
        return Refusal.gatewayFailure(Response.Status.BAD_GATEWAY, "backend_failed",
                "The API's backend could not be reached: " + cause.getClass().getSimpleName() + ".").toResponse();
    }
}
