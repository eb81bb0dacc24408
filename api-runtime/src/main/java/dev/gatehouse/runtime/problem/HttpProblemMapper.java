package dev.gatehouse.runtime.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;

/** JAX-RS's own refusals (unknown path, wrong method, unacceptable media type...) as problem+json. */
@Provider
public class HttpProblemMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        Response.StatusType status = original.getStatusInfo();
        if (status.getFamily() == Response.Status.Family.SERVER_ERROR) {
            return new UnexpectedProblemMapper().toResponse(exception);
        }
        if (status.getFamily() == Response.Status.Family.REDIRECTION) {
            return original;
        }
        if (original.hasEntity() && original.getMediaType() != null
                && Problem.MEDIA_TYPE.equals(original.getMediaType().toString())) {
            return original; // already a problem that says what was wrong
        }
        String reason = status.getReasonPhrase().toLowerCase(Locale.ROOT).replace(' ', '_');
        Response problem = Problem.of(status, reason, null).toResponse();
        // keep headers such as Allow (405) and WWW-Authenticate (401)
        Response.ResponseBuilder builder = Response.fromResponse(problem);
        original.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return builder.build();
    }
}
