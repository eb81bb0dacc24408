package dev.gatehouse.runtime.gateway;

import dev.gatehouse.keymanager.ratelimits.api.SharedRateCounts;
import dev.gatehouse.keymanager.ratelimits.api.WindowCount;
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
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Shares this node's rate-limit counts with the other nodes through the database, every
 * {@code gatehouse.gateway.rate-share-interval} (200 ms by default): one transaction that writes the counts that
 * changed and reads the totals of the open windows. While the database cannot be reached each node goes on
 * limiting with what it knows.
 */
@ApplicationScoped
class RateCountSharing {

    private static final System.Logger LOG = System.getLogger(RateCountSharing.class.getName());

    /** This instance's rows; a restarted node starts afresh and its old rows expire with their windows. */
    private final String nodeId = UUID.randomUUID().toString();

    @EJB
    SharedRateCounts sharedCounts;

    @Inject
    RateLimiter rateLimiter;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "gatehouse.gateway.rate-share-interval", defaultValue = "PT0.2S")
    Duration interval;

    private boolean failing;
    private ScheduledFuture<?> task;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        task = scheduler.scheduleWithFixedDelay(this::exchange, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    /** One thread at a time (fixed delay). */
    void exchange() {
        try {
            List<WindowCount> sent = rateLimiter.unsharedCounts();
            List<WindowCount> totals = sharedCounts.exchange(nodeId, sent, System.currentTimeMillis());
            rateLimiter.exchanged(sent, totals);
            if (failing) {
                LOG.log(Level.INFO, "GH-GW-021 Rate-limit counts are shared with the other nodes again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.log(Level.WARNING, "GH-GW-020 Rate-limit counts cannot be shared through the database; each node"
                        + " limits by its own counts until they can: " + e);
                failing = true;
            }
        }
    }
}
