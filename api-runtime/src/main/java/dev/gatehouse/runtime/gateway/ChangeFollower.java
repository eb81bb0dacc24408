package dev.gatehouse.runtime.gateway;

import dev.gatehouse.keymanager.changes.api.Change;
import dev.gatehouse.keymanager.changes.api.ChangeCursor;
import dev.gatehouse.keymanager.changes.api.ChangeLog;
import dev.gatehouse.keymanager.changes.api.ChangedEntity;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Follows the change feed, which every instance writes in the same transaction as the change it announces: the
 * portal in the same server, other cluster nodes, the management API. Polling every
 * {@code gatehouse.gateway.change-poll-interval} (250 ms by default) enforces a block, unsubscribe or revocation
 * everywhere well within a second, with one indexed query per interval.
 */
@ApplicationScoped
class ChangeFollower {

    private static final System.Logger LOG = System.getLogger(ChangeFollower.class.getName());
    @EJB
    ChangeLog changes;

    @Inject
    GatewayCache cache;

    @Inject
    RateLimiter rateLimiter;

    @Inject
    IssuerKeySet issuerKeys;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "gatehouse.gateway.change-poll-interval", defaultValue = "PT0.25S")
    Duration interval;

    private final ChangeCursor cursor = new ChangeCursor();
    private boolean failing;
    private ScheduledFuture<?> task;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        task = scheduler.scheduleWithFixedDelay(this::poll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    /** One thread at a time (fixed delay), so the fields need no locking. */
    void poll() {
        try {
            Instant now = Instant.now();
            boolean first = cursor.isNew();
            List<Change> fresh = cursor.next(changes, now);
            if (first) {
                cache.invalidateAll();
            }
            fresh.forEach(cache::apply);
            // a key added, rotated or disabled on any node: the key set is fetched again, not waited for
            if (fresh.stream().map(Change::about).anyMatch(Optional.of(ChangedEntity.SIGNING_KEY)::equals)) {
                issuerKeys.refresh();
            }
            rateLimiter.forgetEndedWindows(now);
            if (failing) {
                LOG.log(Level.INFO, "GH-GW-011 The change feed can be read again");
                cache.invalidateAll();
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.log(Level.WARNING, "GH-GW-010 The change feed cannot be read; cached access decisions may be"
                        + " stale until it can: " + e);
                failing = true;
            }
        }
    }
}
