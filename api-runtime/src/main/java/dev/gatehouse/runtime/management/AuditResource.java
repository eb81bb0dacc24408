package dev.gatehouse.runtime.management;

import dev.gatehouse.keymanager.audit.api.AuditEventPage;
import dev.gatehouse.keymanager.audit.api.AuditQuery;
import dev.gatehouse.keymanager.audit.api.AuditTrail;
import dev.gatehouse.runtime.authentication.AccountRequired;
import dev.gatehouse.runtime.authentication.SignedIn;
import dev.gatehouse.runtime.problem.Problem;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit trail for administrators (HTTP Basic with an administrator's account). */
@Path("/management/v1/audit")
@AccountRequired
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Management")
@SecurityRequirement(name = "basic")
public class AuditResource {

    @EJB
    AuditTrail audit;

    @Inject
    SignedIn signedIn;

    @GET
    @Operation(summary = "Audit events, newest first, paged (size at most 100); administrators only",
            description = "Filters, each optional: actor and action (exact), target (the target's id or type),"
                    + " from (inclusive) and to (exclusive) as ISO-8601 instants such as 2026-12-01T10:00:00Z.")
    public AuditEventPage events(@QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("target") String target, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("20") int size) {
        return audit.search(signedIn.caller(), new AuditQuery(actor, action, target, instant("from", from),
                instant("to", to), page, size));
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new WebApplicationException(Problem.of(Response.Status.BAD_REQUEST, "invalid_parameter",
                    name + " must be an ISO-8601 instant such as 2026-12-01T10:00:00Z").toResponse());
        }
    }
}
