package dev.gatehouse.runtime.problem;

import jakarta.ejb.EJBException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;

/**
 * A service's own validation (its interface is validated too) arrives wrapped by the EJB container: unwrap it.
 * Anything else wrapped is unexpected.
 */
@Provider
public class EjbProblemMapper implements ExceptionMapper<EJBException> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(EJBException exception) {
        for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation) {
                return ValidationProblemMapper.problem(violation);
            }
        }
        return UnexpectedProblemMapper.answer(exception, uri);
    }
}
