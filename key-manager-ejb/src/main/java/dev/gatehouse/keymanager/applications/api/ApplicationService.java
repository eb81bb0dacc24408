package dev.gatehouse.keymanager.applications.api;

import dev.gatehouse.keymanager.accounts.api.Caller;
import jakarta.ejb.Local;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A developer's applications. Every method sees only the caller's own; another's answers ApplicationNotFound. */
@Local
public interface ApplicationService {

    ApplicationView create(@NotNull Caller caller, @NotNull @Valid ApplicationDetails details);

    List<ApplicationView> listMine(@NotNull Caller caller);

    ApplicationView get(@NotNull Caller caller, @NotNull UUID applicationId);

    ApplicationView update(@NotNull Caller caller, @NotNull UUID applicationId, @NotNull @Valid ApplicationDetails details);

    /** Deletes the application with its keys and subscriptions, and revokes every token issued to it. */
    void delete(@NotNull Caller caller, @NotNull UUID applicationId);

    /**
     * For administrators (an application calls every publisher's APIs; a publisher blocks subscriptions to their
     * own): a BLOCKED application's tokens are refused by the gateway (and it gets no new ones) until it is
     * unblocked; its keys and subscriptions are kept.
     */
    ApplicationView changeStatus(@NotNull Caller publisher, @NotNull UUID applicationId, @NotNull ApplicationStatus status);

    /** For the gateway: the application's status, or empty if it does not exist (any more). */
    Optional<ApplicationStatus> status(@NotNull UUID applicationId);

    /**
     * For administrators: a first-party application (the operator's own) acts for people without asking their
     * consent in the authorization-code flow.
     */
    ApplicationCard markFirstParty(@NotNull Caller administrator, @NotNull UUID applicationId, boolean firstParty);

    /** For a person asked to let the application act for them: its name and who develops it. */
    Optional<ApplicationCard> card(@NotNull UUID applicationId);
}
