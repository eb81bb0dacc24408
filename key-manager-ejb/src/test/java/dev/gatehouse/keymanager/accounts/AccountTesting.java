package dev.gatehouse.keymanager.accounts;

import dev.gatehouse.keymanager.audit.AuditTesting;
import jakarta.persistence.EntityManager;

/** AccountServiceBean as the container builds it, for tests of other features. */
public final class AccountTesting {

    private AccountTesting() {
    }

    public static AccountServiceBean service(EntityManager em) {
        AccountServiceBean service = new AccountServiceBean();
        service.accounts = new AccountRepository();
        service.accounts.em = em;
        service.audit = AuditTesting.on(em);
        service.throttle = new SignInThrottle();
        service.budget = new PasswordCheckBudget(1);
        return service;
    }
}
