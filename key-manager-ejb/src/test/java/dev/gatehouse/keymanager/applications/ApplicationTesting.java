package dev.gatehouse.keymanager.applications;

import dev.gatehouse.keymanager.audit.AuditLog;
import dev.gatehouse.keymanager.changes.ChangeFeed;
import dev.gatehouse.keymanager.revocations.api.RevocationService;
import dev.gatehouse.keymanager.accounts.api.AccountService;
import dev.gatehouse.keymanager.applications.api.ApplicationDeleted;
import dev.gatehouse.keymanager.clients.ClientTesting;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import java.lang.reflect.Proxy;

public final class ApplicationTesting {
    private ApplicationTesting() {
    }

    public static ApplicationRepository repository(EntityManager em) {
        ApplicationRepository applications = new ApplicationRepository();
        applications.em = em;
        return applications;
    }

    /** ApplicationServiceBean as the container builds it; without revocations, a deletion revokes nothing. */
    @SuppressWarnings("unchecked")
    public static ApplicationServiceBean service(EntityManager em, RevocationService revocations, ChangeFeed changes,
            AuditLog audit) {
        ApplicationServiceBean service = new ApplicationServiceBean();
        service.applications = repository(em);
        // as the container delivers it: the clients feature revokes the deleted application's tokens
        var revokeTokens = ClientTesting.deletedApplicationTokens(em, revocations);
        service.deleted = (Event<ApplicationDeleted>) Proxy.newProxyInstance(Event.class.getClassLoader(),
                new Class<?>[] {Event.class}, (self, method, arguments) -> {
                    if (method.getName().equals("fire") && revocations != null) {
                        revokeTokens.accept((ApplicationDeleted) arguments[0]);
                    }
                    return null;
                });
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
