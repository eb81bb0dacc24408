package dev.gatehouse.keymanager.applications;

import dev.gatehouse.keymanager.accounts.api.Caller;
import dev.gatehouse.keymanager.applications.api.ApplicationNotFound;
import dev.gatehouse.keymanager.applications.api.ApplicationStatus;
import dev.gatehouse.keymanager.applications.api.DuplicateApplicationName;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import dev.gatehouse.keymanager.database.UniqueViolation;
import jakarta.persistence.PersistenceException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Applications in the database; joins the calling service's transaction. */
@Dependent
public class ApplicationRepository {

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    /** The caller's application; someone else's is reported exactly like a missing one. */
    public Application owned(Caller caller, UUID applicationId) {
        Application application = em.find(Application.class, applicationId);
        if (application == null || !application.ownerId().equals(caller.accountId())) {
            throw new ApplicationNotFound();
        }
        return application;
    }

    /** As {@link #owned}, locked against concurrent changes until the transaction ends. */
    public Application ownedForUpdate(Caller caller, UUID applicationId) {
        Application application = owned(caller, applicationId);
        em.lock(application, LockModeType.PESSIMISTIC_WRITE);
        return application;
    }

    /** Any developer's application: for publishers and administrators, and the gateway. */
    Optional<Application> find(UUID applicationId) {
        return Optional.ofNullable(em.find(Application.class, applicationId));
    }

    /** For the clients feature: whether an application's keys may be used. Empty once it is deleted. */
    public Optional<ApplicationStatus> status(UUID applicationId) {
        return find(applicationId).map(Application::status);
    }

    List<Application> mine(Caller caller) {
        return em.createNamedQuery("Application.mine", Application.class)
                .setParameter("owner", caller.accountId()).getResultList();
    }

    void checkNameFree(UUID owner, String name, UUID except) {
        long taken = em.createNamedQuery("Application.countNamed", Long.class)
                .setParameter("owner", owner)
                .setParameter("key", Application.key(name))
                .setParameter("id", except)
                .getSingleResult();
        if (taken > 0) {
            throw new DuplicateApplicationName(name.strip());
        }
    }

    /** Writes now, so that a concurrent request taking the same name fails as a conflict rather than at commit. */
    void flushName(String name) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (!UniqueViolation.causes(e)) {
                throw e;
            }
            throw new DuplicateApplicationName(name.strip());
        }
    }

    void add(Application application) {
        em.persist(application);
    }

    void remove(Application application) {
        em.remove(application);
        em.flush();
    }
}
