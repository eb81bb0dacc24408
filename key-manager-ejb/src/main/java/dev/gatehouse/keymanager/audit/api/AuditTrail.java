package dev.gatehouse.keymanager.audit.api;

import dev.gatehouse.keymanager.accounts.api.Caller;
import jakarta.ejb.Local;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** The audit trail, as administrators read it. */
@Local
public interface AuditTrail {

    /** Events matching the query, newest first, one page of them; administrators only ({@link NotAdministrator}). */
    AuditEventPage search(@NotNull Caller caller, @NotNull @Valid AuditQuery query);
}
