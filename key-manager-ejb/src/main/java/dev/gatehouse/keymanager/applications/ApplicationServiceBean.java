package dev.gatehouse.keymanager.applications;

import dev.gatehouse.keymanager.accounts.api.AccountRefused;
import dev.gatehouse.keymanager.accounts.api.AccountService;
import dev.gatehouse.keymanager.accounts.api.AccountView;
import dev.gatehouse.keymanager.accounts.api.Caller;
import dev.gatehouse.keymanager.accounts.api.Role;
import dev.gatehouse.keymanager.api.BusinessException;
import dev.gatehouse.keymanager.applications.api.ApplicationCard;
import dev.gatehouse.keymanager.applications.api.ApplicationDeleted;
import dev.gatehouse.keymanager.applications.api.ApplicationDetails;
import dev.gatehouse.keymanager.applications.api.ApplicationService;
import dev.gatehouse.keymanager.applications.api.ApplicationStatus;
import dev.gatehouse.keymanager.applications.api.ApplicationNotFound;
import dev.gatehouse.keymanager.applications.api.ApplicationView;
import dev.gatehouse.keymanager.audit.AuditLog;
import dev.gatehouse.keymanager.changes.ChangeFeed;
import dev.gatehouse.keymanager.changes.api.ChangedEntity;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Stateless
public class ApplicationServiceBean implements ApplicationService {

    private static final UUID NONE = new UUID(0, 0);

    @Inject
    ApplicationRepository applications;

    @Inject
    Event<ApplicationDeleted> deleted;

    @EJB
    ChangeFeed changes;

    @EJB
    AuditLog audit;

    @EJB
    AccountService accounts;

    @Override
    public ApplicationView create(Caller caller, ApplicationDetails details) {
        applications.checkNameFree(caller.accountId(), details.name(), NONE);
        Application application = new Application(caller.accountId(), details.name(), details.description());
        applications.add(application);
        applications.flushName(details.name());
        audit.success(caller.username(), "application.create", "application", application.id(), null);
        return application.toView();
    }

    @Override
    public List<ApplicationView> listMine(Caller caller) {
        return applications.mine(caller).stream().map(Application::toView).toList();
    }

    @Override
    public ApplicationView get(Caller caller, UUID applicationId) {
        return applications.owned(caller, applicationId).toView();
    }

    @Override
    public ApplicationView update(Caller caller, UUID applicationId, ApplicationDetails details) {
        Application application = applications.owned(caller, applicationId);
        applications.checkNameFree(caller.accountId(), details.name(), applicationId);
        application.describe(details.name(), details.description());
        applications.flushName(details.name());
        audit.success(caller.username(), "application.update", "application", applicationId, null);
        return application.toView();
    }

    @Override
    public void delete(Caller caller, UUID applicationId) {
        Application application = applications.ownedForUpdate(caller, applicationId);
        Instant now = Instant.now();
        deleted.fire(new ApplicationDeleted(applicationId, now));
        // keys, secrets and subscriptions go with it (ON DELETE CASCADE)
        applications.remove(application);
        changes.record(ChangedEntity.APPLICATION, applicationId, "DELETED");
        audit.success(caller.username(), "application.delete", "application", applicationId, application.name());
    }

    @Override
    public ApplicationView changeStatus(Caller publisher, UUID applicationId, ApplicationStatus status) {
        // an application calls every publisher's APIs: stopping it is beyond any one publisher
        if (!publisher.has(Role.ADMIN)) {
            throw new AccountRefused(BusinessException.Kind.DENIED,
                    "admin_role_required", "Only administrators block and unblock applications.");
        }
        Application application = applications.find(applicationId).orElseThrow(ApplicationNotFound::new);
        if (application.status() != status) {
            application.status(status);
            changes.record(ChangedEntity.APPLICATION, applicationId, status.name());
            audit.success(publisher.username(), "application.status", "application", applicationId, status.name());
        }
        return application.toView();
    }

    @Override
    public Optional<ApplicationStatus> status(UUID applicationId) {
        return applications.status(applicationId);
    }

    @Override
    public ApplicationCard markFirstParty(Caller administrator, UUID applicationId, boolean firstParty) {
        if (!administrator.has(Role.ADMIN)) {
            throw new AccountRefused(BusinessException.Kind.DENIED, "admin_role_required",
                    "Only administrators mark applications first-party.");
        }
        Application application = applications.find(applicationId).orElseThrow(ApplicationNotFound::new);
        if (application.isFirstParty() != firstParty) {
            application.firstParty(firstParty);
            audit.success(administrator.username(), "application.first-party", "application", applicationId,
                    Boolean.toString(firstParty));
        }
        return card(application);
    }

    @Override
    public Optional<ApplicationCard> card(UUID applicationId) {
        return applications.find(applicationId).map(this::card);
    }

    private ApplicationCard card(Application application) {
        return new ApplicationCard(application.id(), application.name(),
                accounts.active(application.ownerId()).map(AccountView::displayName).orElse("a former developer"),
                application.isFirstParty());
    }
}
