package dev.gatehouse.runtime.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.keymanager.plans.api.PlanView;
import dev.gatehouse.keymanager.ratelimits.api.WindowCount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final RateLimiter limiter = new RateLimiter();
    /** The database's exact windows, as the conditional update counts them; empty answers while "down". */
    private final Map<String, AtomicLong> database = new ConcurrentHashMap<>();
    private final List<String> exactCalls = java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile boolean databaseDown;

    {
        limiter.exact = new ExactRateCounts() {
            @Override
            OptionalLong admit(String counter, long windowStart, long windowEnd, long limit) {
                exactCalls.add(counter);
                if (databaseDown) {
                    return OptionalLong.empty();
                }
                long before = database.computeIfAbsent(counter + "@" + windowStart, key -> new AtomicLong())
                        .getAndUpdate(count -> count < limit ? count + 1 : count);
                return OptionalLong.of(before < limit ? before + 1 : -1);
            }
        };
    }
    private final UUID application = UUID.randomUUID();
    private final UUID api = UUID.randomUUID();

    private static PlanView plan(Long limit, String unit, Long burst) {
        return new PlanView(UUID.randomUUID(), "test", null, limit, unit, burst, false);
    }

    @Test
    void aWindowAdmitsItsLimitThenSaysWhenItResets() {
        PlanView threePerMinute = plan(3L, "MINUTE", null);
        Instant at = Instant.parse("2026-11-29T10:15:20Z");

        for (long remaining = 2; remaining >= 0; remaining--) {
            RateLimiter.Decision decision = limiter.acquire(application, api, threePerMinute, at).orElseThrow();
            assertTrue(decision.allowed());
            assertEquals(remaining, decision.remaining());
            assertEquals(40, decision.resetSeconds());
        }
        RateLimiter.Decision refused = limiter.acquire(application, api, threePerMinute, at.plusSeconds(30)).orElseThrow();

        assertFalse(refused.allowed());
        assertEquals(0, refused.remaining());
        assertEquals(10, refused.resetSeconds());
        assertTrue(limiter.acquire(application, api, threePerMinute, Instant.parse("2026-11-29T10:16:00Z"))
                .orElseThrow().allowed());
    }

    @Test
    void applicationsAndApisAreCountedApartAndUnlimitedPlansNotAtAll() {
        PlanView onePerHour = plan(1L, "HOUR", null);
        Instant at = Instant.parse("2026-11-29T10:15:20Z");

        assertTrue(limiter.acquire(application, api, onePerHour, at).orElseThrow().allowed());
        assertFalse(limiter.acquire(application, api, onePerHour, at).orElseThrow().allowed());
        assertTrue(limiter.acquire(UUID.randomUUID(), api, onePerHour, at).orElseThrow().allowed());
        assertTrue(limiter.acquire(application, UUID.randomUUID(), onePerHour, at).orElseThrow().allowed());
        assertTrue(limiter.acquire(application, api, plan(null, null, null), at).isEmpty());
    }

    @Test
    void theBurstLimitCapsEachSecondWithoutUsingTheWindow() {
        PlanView burstOfTwo = plan(100L, "MINUTE", 2L);
        Instant at = Instant.parse("2026-11-29T10:15:20Z");

        assertTrue(limiter.acquire(application, api, burstOfTwo, at).orElseThrow().allowed());
        assertTrue(limiter.acquire(application, api, burstOfTwo, at).orElseThrow().allowed());
        RateLimiter.Decision third = limiter.acquire(application, api, burstOfTwo, at.plusMillis(500)).orElseThrow();
        RateLimiter.Decision nextSecond = limiter.acquire(application, api, burstOfTwo, at.plusSeconds(1)).orElseThrow();

        assertFalse(third.allowed());
        assertEquals(1, third.resetSeconds());
        assertTrue(nextSecond.allowed());
        assertEquals(97, nextSecond.remaining());
    }

    @Test
    void concurrentCallersAreAdmittedExactlyUpToTheLimit() throws Exception {
        PlanView thousandPerDay = plan(1000L, "DAY", null);
        Instant at = Instant.parse("2026-11-29T10:15:20Z");
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Callable<Boolean>> calls = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            calls.add(() -> limiter.acquire(application, api, thousandPerDay, at).orElseThrow().allowed());
        }
        long admitted = 0;
        try {
            for (Future<Boolean> call : threads.invokeAll(calls)) {
                admitted += call.get() ? 1 : 0;
            }
        } finally {
            threads.shutdown();
        }

        assertEquals(1000, admitted);
    }

    @Test
    void endedWindowsAreForgotten() {
        PlanView onePerSecond = plan(1L, "SECOND", null);
        Instant at = Instant.parse("2026-11-29T10:15:20Z");
        limiter.acquire(application, api, onePerSecond, at);
        assertFalse(limiter.acquire(application, api, onePerSecond, at).orElseThrow().allowed());

        limiter.forgetEndedWindows(at.plusSeconds(2));

        // the same second again (a clock step back): a fresh window, since the old one is gone
        assertTrue(limiter.acquire(application, api, onePerSecond, at).orElseThrow().allowed());
    }
    /** The database's part of an exchange, in memory: each node's last reported counts, summed per window. */
    private final Map<String, Map<String, WindowCount>> reported = new HashMap<>();

    private void exchange(String node, RateLimiter nodeLimiter, Instant now) {
        List<WindowCount> sent = nodeLimiter.unsharedCounts();
        sent.forEach(count -> reported.computeIfAbsent(node, n -> new HashMap<>())
                .put(count.counter() + "@" + count.windowStart(), count));
        Map<String, WindowCount> totals = new HashMap<>();
        reported.values().forEach(counts -> counts.forEach((key, count) -> totals.merge(key, count,
                (x, y) -> new WindowCount(x.counter(), x.windowStart(), x.windowEnd(), x.requests() + y.requests()))));
        nodeLimiter.exchanged(sent, totals.values().stream()
                .filter(count -> count.windowEnd() > now.toEpochMilli()).toList());
    }

    @Test
    void nodesThatHaveExchangedCountsShareTheLimit() {
        RateLimiter other = new RateLimiter();
        // per second: shared between the nodes, not counted in the database
        PlanView fivePerSecond = plan(5L, "SECOND", null);
        Instant at = Instant.parse("2026-11-29T10:15:20Z");

        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.acquire(application, api, fivePerSecond, at).orElseThrow().allowed());
        }
        exchange("a", limiter, at);
        exchange("b", other, at);

        RateLimiter.Decision fourth = other.acquire(application, api, fivePerSecond, at).orElseThrow();
        assertTrue(fourth.allowed());
        assertEquals(1, fourth.remaining(), "the other node's three count");
        assertTrue(other.acquire(application, api, fivePerSecond, at).orElseThrow().allowed());
        assertFalse(other.acquire(application, api, fivePerSecond, at).orElseThrow().allowed());

        exchange("b", other, at);
        exchange("a", limiter, at);
        assertFalse(limiter.acquire(application, api, fivePerSecond, at).orElseThrow().allowed(),
                "the first node learns of the second's two");
        assertTrue(limiter.acquire(UUID.randomUUID(), api, fivePerSecond, at).orElseThrow().allowed(),
                "other subscriptions are unaffected");
    }

    @Test
    void aRefusedBurstIsTakenBackFromTheSharedCount() {
        PlanView burstOfOne = plan(100L, "MINUTE", 1L);
        Instant at = Instant.parse("2026-11-29T10:15:20Z");

        assertTrue(limiter.acquire(application, api, burstOfOne, at).orElseThrow().allowed());
        assertFalse(limiter.acquire(application, api, burstOfOne, at).orElseThrow().allowed());

        assertEquals(Set.of(1L), limiter.unsharedCounts().stream()
                .filter(count -> count.counter().endsWith("/60000"))
                .map(WindowCount::requests).collect(Collectors.toSet()));
    }

    @Test
    void quotasAndSmallPerMinuteLimitsAreCountedInTheDatabaseOthersInMemory() {
        Instant at = Instant.parse("2026-11-29T10:15:20Z");

        limiter.acquire(application, api, plan(10L, "HOUR", null), at);
        limiter.acquire(application, api, plan(100_000L, "DAY", null), at);
        limiter.acquire(application, api, plan(60L, "MINUTE", null), at);
        assertEquals(3, exactCalls.size(), exactCalls.toString());

        limiter.acquire(application, api, plan(61L, "MINUTE", null), at);
        limiter.acquire(application, api, plan(5L, "SECOND", null), at);
        assertEquals(3, exactCalls.size(), "shared in memory: " + exactCalls);
    }

    @Test
    void anExactWindowIsCountedInTheDatabaseAndByThisNodeAloneWhileTheDatabaseIsDown() {
        PlanView tenPerHour = plan(10L, "HOUR", null);
        Instant at = Instant.parse("2026-11-29T10:15:20Z");
        database.put(application + "/" + api + "/3600000@" + Instant.parse("2026-11-29T10:00:00Z").toEpochMilli(),
                new AtomicLong(9)); // nine admitted by other nodes

        RateLimiter.Decision tenth = limiter.acquire(application, api, tenPerHour, at).orElseThrow();
        assertTrue(tenth.allowed());
        assertEquals(0, tenth.remaining());
        assertFalse(limiter.acquire(application, api, tenPerHour, at).orElseThrow().allowed());

        databaseDown = true;
        assertTrue(limiter.acquire(application, api, tenPerHour, at).orElseThrow().allowed(),
                "fails static: counted on this node until the database answers again");
    }
}
