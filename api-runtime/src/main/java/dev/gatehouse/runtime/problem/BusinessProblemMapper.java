package dev.gatehouse.runtime.problem;

import dev.gatehouse.keymanager.api.BusinessException;
import dev.gatehouse.keymanager.clients.api.ClientThrottled;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The key manager's refusals as problem+json; the reason code becomes the problem type. */
@Provider
public class BusinessProblemMapper implements ExceptionMapper<BusinessException> {

    @Override
    public Response toResponse(BusinessException exception) {
        Response.Status status = switch (exception.kind()) {
            case NOT_FOUND -> Response.Status.NOT_FOUND;
            case CONFLICT -> Response.Status.CONFLICT;
            case INVALID -> Response.Status.BAD_REQUEST;
            case DENIED -> Response.Status.FORBIDDEN;
            case THROTTLED -> Response.Status.TOO_MANY_REQUESTS;
        };
        Response problem = Problem.of(status, exception.reason(), exception.getMessage()).toResponse();
        if (exception instanceof ClientThrottled throttled) {
            return Response.fromResponse(problem).header("Retry-After", throttled.retryAfterSeconds()).build();
        }
        return problem;
    }
}
