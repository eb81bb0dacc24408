package dev.gatehouse.keymanager.clients;

import dev.gatehouse.keymanager.secrets.SecretValues;
import dev.gatehouse.keymanager.audit.AuditLog;
import dev.gatehouse.keymanager.changes.api.Change;
import dev.gatehouse.keymanager.changes.api.ChangedEntity;
import dev.gatehouse.keymanager.changes.api.ChangeCursor;
import dev.gatehouse.keymanager.changes.api.ChangeLog;
import dev.gatehouse.keymanager.clients.api.AuthenticatedClient;
import dev.gatehouse.keymanager.clients.api.RegisteredClient;
import dev.gatehouse.keymanager.clients.api.Environment;
import dev.gatehouse.keymanager.clients.api.InvalidClient;
import dev.gatehouse.keymanager.clients.api.OAuthConfiguration;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The OAuth clients that authenticate at the token, introspection and revocation endpoints, kept in memory: client
 * record, secret hashes, application status and allowed scopes. A token for a known client then costs no database
 * work. The directory follows the change feed, as the gateway does, from its first use on: a configured client, a
 * revoked secret, a blocked or deleted application, a changed subscription or API drops what it knew, everywhere
 * within {@code gatehouse.gateway.change-poll-interval} (250 ms by default).
 *
 * <p>A presented secret that matches nothing in memory is checked against the database before it is refused: a
 * secret or a client created since it was loaded is not announced on the feed. Only known clients are kept (an
 * unknown client id costs a read, as a wrong secret does), at most {@link #MAX_CLIENTS}.
 *
 * <p>Each entry carries the generation read before it was loaded and is used only while that generation is current,
 * so a load that raced with a change is never used.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ClientDirectory {

    static final int MAX_CLIENTS = 100_000;
    private static final int MAX_CLIENT_ID_LENGTH = 64;
    /** The feed entities whose changes can change what a client may do. */
    private static final Set<ChangedEntity> ENTITIES = Set.of(ChangedEntity.OAUTH_CLIENT, ChangedEntity.CLIENT_SECRET,
            ChangedEntity.APPLICATION, ChangedEntity.SUBSCRIPTION, ChangedEntity.API);
    private static final System.Logger LOG = System.getLogger(ClientDirectory.class.getName());

    @Inject
    ClientRepository clients;

    @EJB
    ClientAuthenticationThrottle throttle;

    @EJB
    SecretLastUse lastUse;

    @EJB
    AuditLog audit;

    @EJB
    ChangeLog changes;

    @Resource
    TimerService timers;

    Duration interval = Duration.ofMillis(250);
    Clock clock = Clock.systemUTC();

    private final Map<String, Known> known = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final AtomicBoolean following = new AtomicBoolean();
    private final ChangeCursor cursor = new ChangeCursor();
    private boolean failing;

    record KnownSecret(UUID id, String hash, Instant expiresAt, boolean revoked) {

        boolean isActive(Instant now) {
            return !revoked && (expiresAt == null || now.isBefore(expiresAt));
        }
    }

    private record KnownClient(String clientId, UUID applicationId, Environment environment,
            OAuthConfiguration configuration, List<KnownSecret> secrets, boolean applicationActive,
            Set<String> allowedScopes) {

        /** Compares against every secret, so the time taken does not tell which one matched. */
        Optional<KnownSecret> match(String presentedHash, Instant now) {
            KnownSecret matched = null;
            for (KnownSecret secret : secrets) {
                if (SecretValues.sameHash(presentedHash, secret.hash()) && secret.isActive(now)) {
                    matched = secret;
                }
            }
            return Optional.ofNullable(matched);
        }
    }

    private record Known(long generation, KnownClient client) {
    }

    @PostConstruct
    void configure() {
        interval = ConfigProvider.getConfig(ClientDirectory.class.getClassLoader())
                .getOptionalValue("gatehouse.gateway.change-poll-interval", String.class)
                .map(Duration::parse).orElse(interval);
    }

    /**
     * Checks a client secret in constant time. Throws {@code InvalidClient} for any failure, the same way for an
     * unknown client id, and {@code ClientThrottled} after repeated failures from the same source address; each
     * failure is audited at once. A success is remembered as the secret's last use, written in batches.
     */
    public AuthenticatedClient authenticate(String clientId, String secret, String sourceAddress) {
        if (clientId == null || clientId.isEmpty() || clientId.length() > MAX_CLIENT_ID_LENGTH || secret == null) {
            throw new InvalidClient();
        }
        String source = sourceAddress == null || sourceAddress.isBlank() ? "unknown" : sourceAddress;
        throttle.check(clientId, source);
        String presented = SecretValues.hash(secret);
        Instant now = clock.instant();
        follow();
        long current = generation.get();
        Known entry = known.get(clientId);
        boolean inMemory = entry != null && entry.generation() == current;
        Optional<KnownClient> client = inMemory ? Optional.of(entry.client()) : load(clientId, current);
        Optional<KnownSecret> matched = client.flatMap(c -> c.match(presented, now));
        if (matched.isEmpty() && inMemory) {
            // a secret made since the client was loaded is not on the feed: the database decides
            client = load(clientId, generation.get());
            matched = client.flatMap(c -> c.match(presented, now));
        }
        if (matched.isEmpty()) {
            throttle.failed(clientId, source);
            audit.failure("client:" + clientId, "client.authenticate", "oauth_client", clientId,
                    (client.isEmpty() ? "unknown client" : "wrong, expired or revoked secret") + " from " + source);
            throw new InvalidClient();
        }
        throttle.succeeded(clientId, source);
        lastUse.used(matched.get().id(), now);
        KnownClient found = client.get();
        return new AuthenticatedClient(found.clientId(), found.applicationId(), found.environment(),
                matched.get().id(), found.configuration(), found.applicationActive(), found.allowedScopes());
    }

    /**
     * The client registered under this id, from memory when known: the authorization endpoint's check of a request,
     * and a public client's identity at the token endpoint (it has no secret to prove).
     */
    public Optional<RegisteredClient> registered(String clientId) {
        if (clientId == null || clientId.isEmpty() || clientId.length() > MAX_CLIENT_ID_LENGTH) {
            return Optional.empty();
        }
        follow();
        long current = generation.get();
        Known entry = known.get(clientId);
        Optional<KnownClient> client = entry != null && entry.generation() == current ? Optional.of(entry.client())
                : load(clientId, current);
        return client.map(found -> new RegisteredClient(found.clientId(), found.applicationId(), found.environment(),
                found.configuration(), found.applicationActive(), found.allowedScopes()));
    }

    /** Reads the client; stored with the generation read before, so a change during the read wins. */
    private Optional<KnownClient> load(String clientId, long current) {
        Optional<KnownClient> client = clients.byClientId(clientId).map(found -> new KnownClient(found.clientId(),
                found.applicationId(), found.environment(), found.configuration(),
                clients.secrets(found).stream().map(ClientSecret::known).toList(),
                clients.isApplicationActive(found.applicationId()), clients.allowedScopes(found.applicationId())));
        client.ifPresent(loaded -> {
            if (known.size() >= MAX_CLIENTS) {
                known.clear();
            }
            known.put(clientId, new Known(current, loaded));
        });
        return client;
    }

    /** A change made in this module: applied as soon as it is committed, not at the next read of the feed. */
    public void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Change change) {
        apply(change);
    }

    /** Drops everything when a change may concern a client: rare next to tokens, and simple to get right. */
    void apply(Change change) {
        if (change.about().filter(ENTITIES::contains).isPresent()) {
            forgetAll();
        }
    }

    private void forgetAll() {
        generation.incrementAndGet();
        known.clear();
    }

    /** From the first use on, so that a module that never authenticates clients never reads the feed. */
    private void follow() {
        if (following.compareAndSet(false, true)) {
            timers.createIntervalTimer(interval.toMillis(), interval.toMillis(),
                    new TimerConfig("client directory follows the change feed", false));
        }
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    synchronized void poll() {
        try {
            boolean first = cursor.isNew();
            List<Change> fresh = cursor.next(changes, clock.instant());
            if (first) {
                forgetAll();
            }
            fresh.forEach(this::apply);
            if (failing) {
                LOG.log(Level.INFO, "GH-CLI-002 The change feed can be read again");
                forgetAll();
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.log(Level.WARNING, "GH-CLI-001 The change feed cannot be read; clients known in memory may be"
                        + " stale until it can: " + e);
                failing = true;
            }
        }
    }
}
