package dev.gatehouse.runtime.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.System.Logger.Level;
import dev.gatehouse.keymanager.database.DatabaseUnavailable;
import dev.gatehouse.runtime.oauth.OAuthError;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The catch-all: the full failure goes to the log under an incident id; the client gets only the id. A database
 * that cannot be reached is not a server fault: 503 with {@code Retry-After} (an OAuth error on {@code /oauth2/*}),
 * and one log line per {@link #QUIET} rather than a stack trace per request.
 */
@Provider
public class UnexpectedProblemMapper implements ExceptionMapper<Throwable> {

    private static final System.Logger LOG = System.getLogger(UnexpectedProblemMapper.class.getName());
    static final long RETRY_AFTER_SECONDS = 5;
    static final Duration QUIET = Duration.ofSeconds(10);
    private static final AtomicLong lastUnavailableLogged = new AtomicLong();

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(Throwable exception) {
        return answer(exception, uri);
    }

    static Response answer(Throwable exception, UriInfo uri) {
        if (DatabaseUnavailable.causes(exception)) {
            long now = System.nanoTime();
            long last = lastUnavailableLogged.get();
            if (now - last > QUIET.toNanos() && lastUnavailableLogged.compareAndSet(last, now)) {
                LOG.log(Level.WARNING, "GH-RT-503 The database cannot be reached; requests that need it get 503: "
                        + exception);
            }
            String path = uri == null ? "" : uri.getPath();
            if (path.startsWith("oauth2/") || path.startsWith("/oauth2/")) {
                return OAuthError.temporarilyUnavailable(RETRY_AFTER_SECONDS).toResponse();
            }
            return Response.fromResponse(Problem.of(Response.Status.SERVICE_UNAVAILABLE, "database_unavailable",
                    "The server cannot reach its database right now; retry shortly.").toResponse())
                    .header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.ERROR, "GH-RT-500 Unexpected failure, incident " + incident, exception);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "internal_error",
                "The server failed unexpectedly. Quote incident " + incident + " to the operator.").toResponse();
    }
}
