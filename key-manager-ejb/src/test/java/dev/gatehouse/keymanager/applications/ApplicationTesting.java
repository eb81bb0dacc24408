package dev.gatehouse.keymanager.applications;

import dev.gatehouse.keymanager.audit.AuditLog;
import dev.gatehouse.keymanager.changes.ChangeFeed;
import dev.gatehouse.keymanager.revocations.api.RevocationService;
import dev.gatehouse.keymanager.accounts.api.AccountService;
import jakarta.persistence.EntityManager;

public final class ApplicationTesting {
    private ApplicationTesting() {
    }

    public static ApplicationRepository repository(EntityManager em) {
        ApplicationRepository applications = new ApplicationRepository();
        applications.em = em;
        return applications;
    }

    /** ApplicationServiceBean as the container builds it. */
    public static ApplicationServiceBean service(EntityManager em, RevocationService revocations, ChangeFeed changes,
            AuditLog audit) {
        ApplicationServiceBean service = new ApplicationServiceBean();
        service.applications = repository(em);
        service.revocations = revocations;
        service.changes = changes;
        service.audit = audit;
        return service;
    }

    /** With the accounts it names developers from (an application's card). */
    public static ApplicationServiceBean service(EntityManager em, RevocationService revocations, ChangeFeed changes,
            AuditLog audit, AccountService accounts) {
        ApplicationServiceBean service = service(em, revocations, changes, audit);
        service.accounts = accounts;
        return service;
    }
}
