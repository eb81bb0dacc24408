package dev.gatehouse.keymanager.clients;

import dev.gatehouse.keymanager.apis.ApiTesting;
import dev.gatehouse.keymanager.applications.api.ApplicationDeleted;
import dev.gatehouse.keymanager.audit.AuditLog;
import dev.gatehouse.keymanager.applications.ApplicationTesting;
import dev.gatehouse.keymanager.changes.ChangeFeed;
import dev.gatehouse.keymanager.changes.ChangeFeedTesting;
import dev.gatehouse.keymanager.signingkeys.ScopedEntityManager;
import dev.gatehouse.keymanager.revocations.api.RevocationService;
import dev.gatehouse.keymanager.subscriptions.SubscriptionTesting;
import dev.gatehouse.keymanager.tokens.api.TokenService;
import jakarta.ejb.TimerService;
import jakarta.persistence.EntityManager;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.function.Consumer;

/** The clients feature's beans as the container builds them, for tests of this and other features. */
public final class ClientTesting {

    private ClientTesting() {
    }

    public static ClientRepository repository(EntityManager em) {
        return wire(new ClientRepository(), em);
    }

    /** The repository (or a test's subclass of it) with what it reads through other features. */
    public static ClientRepository wire(ClientRepository clients, EntityManager em) {
        clients.em = em;
        clients.applications = ApplicationTesting.repository(em);
        clients.subscriptions = SubscriptionTesting.repository(em);
        clients.apis = ApiTesting.repository(em);
        return clients;
    }

    /** What the clients feature does when the container tells it that an application is deleted. */
    public static Consumer<ApplicationDeleted> deletedApplicationTokens(EntityManager em, RevocationService revocations) {
        DeletedApplicationTokens observer = new DeletedApplicationTokens();
        observer.clients = repository(em);
        observer.revocations = revocations;
        return observer::revoke;
    }

    public static ApplicationKeysBean keys(EntityManager em, ClientRepository clients, TokenService tokens,
            RevocationService revocations, ChangeFeed changes, AuditLog audit) {
        ApplicationKeysBean keys = new ApplicationKeysBean();
        keys.applications = ApplicationTesting.repository(em);
        keys.clients = clients;
        keys.tokens = tokens;
        keys.revocations = revocations;
        keys.changes = changes;
        keys.audit = audit;
        return keys;
    }

    /** A directory that has read the change feed once, as it does on its first use: it sees each change after. */
    public static ClientDirectory directory(ScopedEntityManager scope, ClientRepository clients, AuditLog audit,
            Clock clock) {
        SecretLastUse lastUse = new SecretLastUse();
        lastUse.em = scope.entityManager();
        ClientDirectory directory = new ClientDirectory();
        directory.clients = clients;
        directory.throttle = new ClientAuthenticationThrottle();
        directory.lastUse = lastUse;
        directory.audit = audit;
        directory.changes = ChangeFeedTesting.log(scope.entityManager());
        directory.timers = (TimerService) Proxy.newProxyInstance(TimerService.class.getClassLoader(),
                new Class<?>[] {TimerService.class}, (self, method, arguments) -> null);
        directory.clock = clock;
        scope.run(directory::poll);
        return directory;
    }

    /** What the directory's timer does every 250 ms: read the change feed. */
    public static void poll(ScopedEntityManager scope, ClientDirectory directory) {
        scope.run(directory::poll);
    }

    public static ClientAuthenticationBean authentication(ClientDirectory directory) {
        ClientAuthenticationBean authentication = new ClientAuthenticationBean();
        authentication.directory = directory;
        return authentication;
    }
}
