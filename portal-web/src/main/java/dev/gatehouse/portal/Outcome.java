package dev.gatehouse.portal;

import dev.gatehouse.keymanager.api.BusinessException;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.validation.ConstraintViolationException;
import java.util.function.Supplier;

/**
 * Runs one use case for a page and tells the visitor how it went: its own sentence when it succeeds, the business
 * rule's message when it is refused, and the Bean Validation messages of the service interface (written for
 * people) when the input is invalid. Anything else is a failure for the error page.
 */
public final class Outcome {

    private Outcome() {
    }

    public static void report(Supplier<String> useCase) {
        try {
            message(FacesMessage.SEVERITY_INFO, useCase.get());
        } catch (BusinessException refused) {
            message(FacesMessage.SEVERITY_ERROR, refused.getMessage());
        } catch (EJBException e) {
            if (!(e.getCause() instanceof ConstraintViolationException violations)) {
                throw e;
            }
            violations.getConstraintViolations().forEach(v -> message(FacesMessage.SEVERITY_ERROR, v.getMessage()));
        }
    }

    public static void message(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }
}
