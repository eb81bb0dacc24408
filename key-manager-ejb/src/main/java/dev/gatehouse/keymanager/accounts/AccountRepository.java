package dev.gatehouse.keymanager.accounts;

import dev.gatehouse.keymanager.accounts.api.DuplicateAccount;
import dev.gatehouse.keymanager.accounts.api.Role;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import dev.gatehouse.keymanager.database.UniqueViolation;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Accounts in the database; joins the calling service's transaction. */
@Dependent
public class AccountRepository {

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    Optional<Account> byUsername(String username) {
        return em.createNamedQuery("Account.byUsername", Account.class)
                .setParameter("key", Account.key(username))
                .getResultStream().findFirst();
    }

    Optional<Account> find(UUID id) {
        return Optional.ofNullable(em.find(Account.class, id));
    }

    /** The active accounts with the role, locked until the transaction ends: a concurrent change waits. */
    List<Account> withRoleLocked(Role role) {
        return em.createNamedQuery("Account.withRole", Account.class).setParameter("role", role)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    List<Account> page(int first, int max) {
        return em.createNamedQuery("Account.page", Account.class).setFirstResult(first).setMaxResults(max)
                .getResultList();
    }

    long count() {
        return em.createNamedQuery("Account.count", Long.class).getSingleResult();
    }

    boolean anyWithRole(Role role) {
        return em.createNamedQuery("Account.countWithRole", Long.class).setParameter("role", role)
                .getSingleResult() > 0;
    }

    /** A new account; a taken username or email (case-insensitive), also by a concurrent request, is a conflict. */
    Account create(String username, String email, String displayName, String password, Set<Role> roles) {
        long taken = em.createNamedQuery("Account.countTaken", Long.class)
                .setParameter("username", Account.key(username))
                .setParameter("email", Account.key(email))
                .getSingleResult();
        if (taken > 0) {
            throw new DuplicateAccount();
        }
        Account account = new Account(username, email, displayName, PasswordHashing.hash(password), roles);
        try {
            em.persist(account);
            em.flush();
        } catch (PersistenceException e) {
            if (!UniqueViolation.causes(e)) {
                throw e;
            }
            throw new DuplicateAccount();
        }
        return account;
    }
}
