package dev.gatehouse.runtime.usage;

import dev.gatehouse.keymanager.apis.api.ApiRoute;
import dev.gatehouse.keymanager.usage.api.Granularity;
import dev.gatehouse.keymanager.usage.api.LatencyHistogram;
import dev.gatehouse.keymanager.usage.api.RefusedCall;
import dev.gatehouse.keymanager.usage.api.UsageCell;
import dev.gatehouse.keymanager.usage.api.UsageRecorder;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Counts the gateway's answers per application, API, environment, operation, status and reason in minute cells in
 * memory, and every {@code gatehouse.usage.flush-interval} (5 s) writes the cells that changed, with their hours,
 * in one transaction, off the request path, as the rate-limit counts are shared. While the database cannot be
 * reached the counts wait in memory. Memory is bounded: at most {@code gatehouse.usage.max-cells} (50,000, about
 * 20 MB) minute cells, beyond which new combinations are not counted until the next write frees cells, and at
 * most 1,000 refusals waiting to be written per interval (the counts stay exact; only the examples are dropped).
 * Only calls with a valid token of a known application are counted: they are what a developer can act on.
 */
@ApplicationScoped
public class UsageCounter {

    private static final System.Logger LOG = System.getLogger(UsageCounter.class.getName());

    /** A minute cell is dropped once written and this long over: later answers to a minute are not expected. */
    private static final long SETTLED_MILLIS = Duration.ofMinutes(2).toMillis();
    private static final int REFUSALS_PER_INTERVAL = 1_000;

    /** This instance's rows; a restarted node writes new ones and the old ones stay counted. */
    private final String nodeId = UUID.randomUUID().toString();

    @EJB
    UsageRecorder recorder;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "gatehouse.usage.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "gatehouse.usage.flush-interval", defaultValue = "PT5S")
    Duration interval;

    @Inject
    @ConfigProperty(name = "gatehouse.usage.max-cells", defaultValue = "50000")
    int maxCells;

    /** What one answer is counted under; the API's name travels beside it, as it may change. */
    private record Key(long minute, UUID applicationId, UUID apiId, String environment, String operation, int status,
            String reason) {
    }

    private static final class Cell {
        final String apiName;
        final LongAdder calls = new LongAdder();
        final AtomicLongArray latency = new AtomicLongArray(LatencyHistogram.BUCKETS);
        /** What the database holds; read and written by the flushing thread only. */
        long writtenCalls;
        long[] writtenLatency = new long[LatencyHistogram.BUCKETS];

        Cell(String apiName) {
            this.apiName = apiName;
        }
    }

    private final ConcurrentHashMap<Key, Cell> minutes = new ConcurrentHashMap<>();
    /** Hour cells as the database holds them; the flushing thread's alone. */
    private final Map<Key, long[]> hours = new HashMap<>();
    private final Map<Key, String> hourNames = new HashMap<>();
    private final ArrayBlockingQueue<RefusedCall> refusals = new ArrayBlockingQueue<>(REFUSALS_PER_INTERVAL);
    private final AtomicLong uncounted = new AtomicLong();
    private boolean failing;
    private ScheduledFuture<?> task;

    /**
     * One answer of the gateway; {@code path} is the part after the API's context and version. The API's name and the
     * full path are put together only when needed (a new cell, a refusal), not on every served request.
     */
    public record Answer(UUID applicationId, ApiRoute api, String environment, String operation, String method,
            String path, int status, String reason, String description, long nanos) {

        String apiName() {
            return api.name() + " " + api.version();
        }

        String fullPath() {
            return "/api/" + api.context() + "/" + api.version() + (path == null ? "" : path);
        }
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        if (enabled) {
            task = scheduler.scheduleWithFixedDelay(this::flush, interval.toMillis(), interval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    public void count(Answer answer) {
        if (!enabled) {
            return;
        }
        long now = System.currentTimeMillis();
        String reason = answer.reason() == null ? "" : answer.reason();
        Key key = new Key(Granularity.MINUTE.bucketOf(now), answer.applicationId(), answer.api().id(),
                answer.environment(), answer.operation(), answer.status(), reason);
        Cell cell = minutes.get(key);
        if (cell == null) {
            if (minutes.size() >= maxCells) {
                uncounted.incrementAndGet();
                return;
            }
            cell = minutes.computeIfAbsent(key, k -> new Cell(answer.apiName()));
        }
        // latency before calls, read in the other order by write(): what is written never lacks a counted call
        cell.latency.incrementAndGet(LatencyHistogram.bucketOf(answer.nanos()));
        cell.calls.increment();
        if (!reason.isEmpty()) {
            refusals.offer(new RefusedCall(Instant.ofEpochMilli(now), answer.applicationId(), answer.api().id(),
                    answer.apiName(), answer.environment(), answer.method(), answer.fullPath(), answer.status(), reason,
                    answer.description()));
        }
    }

    /** One thread at a time (fixed delay). */
    void flush() {
        try {
            write(System.currentTimeMillis());
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.log(Level.WARNING, "GH-USE-010 Usage cannot be written to the database; it is kept in memory"
                        + " until it can: " + e);
                failing = true;
            }
        }
    }

    private void write(long now) {
        List<UsageCell> cells = new ArrayList<>();
        Map<Cell, long[]> snapshots = new HashMap<>();
        Map<Key, long[]> newHours = new HashMap<>();
        for (Map.Entry<Key, Cell> entry : minutes.entrySet()) {
            Key key = entry.getKey();
            Cell cell = entry.getValue();
            long calls = cell.calls.sum();
            if (calls == cell.writtenCalls) {
                continue;
            }
            long[] snapshot = new long[LatencyHistogram.BUCKETS + 1];
            for (int i = 0; i < LatencyHistogram.BUCKETS; i++) {
                snapshot[i] = cell.latency.get(i);
            }
            snapshot[LatencyHistogram.BUCKETS] = calls;
            long[] latency = java.util.Arrays.copyOf(snapshot, LatencyHistogram.BUCKETS);
            snapshots.put(cell, snapshot);
            cells.add(cell(Granularity.MINUTE, key.minute(), key, cell.apiName, calls, latency));
            Key hour = new Key(Granularity.HOUR.bucketOf(key.minute()), key.applicationId(), key.apiId(),
                    key.environment(), key.operation(), key.status(), key.reason());
            long[] hourCounts = newHours.computeIfAbsent(hour, h -> hours.containsKey(h) ? hours.get(h).clone()
                    : new long[LatencyHistogram.BUCKETS + 1]);
            for (int i = 0; i < LatencyHistogram.BUCKETS; i++) {
                hourCounts[i] += latency[i] - cell.writtenLatency[i];
            }
            hourCounts[LatencyHistogram.BUCKETS] += calls - cell.writtenCalls;
            hourNames.put(hour, cell.apiName);
        }
        newHours.forEach((hour, counts) -> cells.add(cell(Granularity.HOUR, hour.minute(), hour,
                hourNames.get(hour), counts[LatencyHistogram.BUCKETS],
                java.util.Arrays.copyOf(counts, LatencyHistogram.BUCKETS))));
        List<RefusedCall> examples = new ArrayList<>();
        refusals.drainTo(examples);
        if (cells.isEmpty() && examples.isEmpty()) {
            settle(now);
            return;
        }
        try {
            recorder.record(nodeId, cells, examples);
        } catch (RuntimeException e) {
            // the examples go back if there is room; the counts are still unwritten and are written next time
            examples.forEach(refusals::offer);
            throw e;
        }
        snapshots.forEach((cell, snapshot) -> {
            cell.writtenCalls = snapshot[LatencyHistogram.BUCKETS];
            cell.writtenLatency = java.util.Arrays.copyOf(snapshot, LatencyHistogram.BUCKETS);
        });
        hours.putAll(newHours);
        if (failing) {
            LOG.log(Level.INFO, "GH-USE-011 Usage is written to the database again");
            failing = false;
        }
        settle(now);
    }

    /** Drops what is written and over, and says once per interval what could not be counted. */
    private void settle(long now) {
        for (Iterator<Map.Entry<Key, Cell>> it = minutes.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Key, Cell> entry = it.next();
            if (entry.getKey().minute() + 60_000 + SETTLED_MILLIS < now
                    && entry.getValue().calls.sum() == entry.getValue().writtenCalls) {
                it.remove();
            }
        }
        long hourOver = now - Granularity.HOUR.length().toMillis() - SETTLED_MILLIS - 60_000;
        hours.keySet().removeIf(hour -> hour.minute() < hourOver);
        hourNames.keySet().removeIf(hour -> hour.minute() < hourOver);
        long dropped = uncounted.getAndSet(0);
        if (dropped > 0) {
            LOG.log(Level.WARNING, "GH-USE-012 {0} gateway answer(s) were not counted: more than {1} usage cells"
                    + " are waiting to be written (gatehouse.usage.max-cells)", dropped, maxCells);
        }
    }

    private static UsageCell cell(Granularity granularity, long start, Key key, String apiName, long calls,
            long[] latency) {
        return new UsageCell(granularity, start, key.applicationId(), key.apiId(), apiName, key.environment(),
                key.operation(), key.status(), key.reason(), calls, latency);
    }
}
