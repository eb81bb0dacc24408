package dev.gatehouse.runtime.problem;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A request body that is not the JSON the endpoint expects (JAX-RS reports it as a processing failure). */
@Provider
public class UnreadableBodyMapper implements ExceptionMapper<ProcessingException> {

    @Override
    public Response toResponse(ProcessingException exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonbException || cause instanceof JsonException) {
                return Problem.of(Response.Status.BAD_REQUEST, "invalid_request",
                        "The request body is not valid JSON of the expected shape.").toResponse();
            }
        }
        return new UnexpectedProblemMapper().toResponse(exception);
    }
}
