package dev.gatehouse.keymanager.audit.api;

import dev.gatehouse.keymanager.accounts.api.Caller;
import jakarta.ejb.Local;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;

/** The audit trail, as administrators read it. */
@Local
public interface AuditTrail {

    /** Events matching the query, newest first, one page of them; administrators only ({@link NotAdministrator}). */
    AuditEventPage search(@NotNull Caller caller, @NotNull @Valid AuditQuery query);

    /**
     * The latest events about one object, newest first, for a feature that has already decided that its caller may
     * see that object (a publisher their API's lifecycle history).
     */
    List<AuditEventView> historyOf(@NotNull String targetType, @NotNull UUID targetId, int limit);
}
