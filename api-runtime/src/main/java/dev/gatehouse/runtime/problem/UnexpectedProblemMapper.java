package dev.gatehouse.runtime.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.System.Logger.Level;
import java.util.UUID;

/** The catch-all: the full failure goes to the log under an incident id; the client gets only the id. */
@Provider
public class UnexpectedProblemMapper implements ExceptionMapper<Throwable> {

    private static final System.Logger LOG = System.getLogger(UnexpectedProblemMapper.class.getName());

    @Override
    public Response toResponse(Throwable exception) {
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.ERROR, "GH-RT-500 Unexpected failure, incident " + incident, exception);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "internal-error",
                "The server failed unexpectedly. Quote incident " + incident + " to the operator.").toResponse();
    }
}
