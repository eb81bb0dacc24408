package dev.gatehouse.runtime.gateway;

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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Forwards a request to an API's backend with the JDK HTTP client, without blocking a request thread while the
 * backend works, and streams both bodies rather than holding them in memory. Hop-by-hop headers (RFC 9110 §7.6.1)
 * are not forwarded either way; the caller's Authorization header goes only to backends whose API asks for it.
 */
@ApplicationScoped
class BackendProxy {

    /** Hop-by-hop, or set by the client itself (the JDK refuses to have these set). */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "host",
            "content-length", "expect", "http2-settings");
    private static final Set<String> WITHOUT_BODY = Set.of("GET", "HEAD", "DELETE", "OPTIONS", "TRACE");

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

    @PostConstruct
    void start() {
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).executor(executor).build();
    }

    Duration readTimeout() {
        return readTimeout;
    }

    /** What to forward: the request as the gateway received it, and where it came from. */
    record Forward(String method, URI target, MultivaluedMap<String, String> headers, Supplier<InputStream> body,
            long contentLength, boolean forwardToken, String clientAddress, String scheme, String host) {
    }

    /** The backend's response, streamed; a refused connection is 502, a timeout 504. Never fails. */
    CompletableFuture<Response> forward(Forward forward) {
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
                    .thenApply(BackendProxy::relay)
                    .exceptionally(BackendProxy::failure);
        } catch (IllegalArgumentException e) {
            // a header value the JDK refuses to send
            return CompletableFuture.completedFuture(failure(e));
        }
    }

    private static HttpRequest.BodyPublisher publisher(Forward forward) {
        if (WITHOUT_BODY.contains(forward.method()) && forward.contentLength() <= 0) {
            return HttpRequest.BodyPublishers.noBody();
        }
        HttpRequest.BodyPublisher stream = HttpRequest.BodyPublishers.ofInputStream(forward.body());
        return forward.contentLength() >= 0 ? HttpRequest.BodyPublishers.fromPublisher(stream, forward.contentLength())
                : stream;
    }

    private static Response relay(HttpResponse<InputStream> backend) {
        Response.ResponseBuilder response = Response.status(backend.statusCode());
        backend.headers().map().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
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
