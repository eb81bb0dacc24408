package dev.gatehouse.runtime.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.keymanager.apis.api.ApiRoute;
import dev.gatehouse.keymanager.apis.api.Lifecycle;
import dev.gatehouse.keymanager.usage.api.Granularity;
import dev.gatehouse.keymanager.usage.api.RefusedCall;
import dev.gatehouse.keymanager.usage.api.UsageCell;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the gateway's counter hands to the database, batch by batch, and what it keeps while it cannot. */
class UsageCounterTest {

    private final UUID application = UUID.randomUUID();
    private final UUID api = UUID.randomUUID();
    private final List<List<UsageCell>> batches = new ArrayList<>();
    private final List<RefusedCall> examples = new ArrayList<>();
    private boolean databaseDown;
    private UsageCounter counter;

    @BeforeEach
    void counter() {
        counter = new UsageCounter();
        counter.enabled = true;
        counter.maxCells = 100;
        counter.recorder = (node, cells, refusals) -> {
            if (databaseDown) {
                throw new IllegalStateException("database down");
            }
            batches.add(cells);
            examples.addAll(refusals);
        };
    }

    private void answer(int status, String reason) {
        counter.count(new UsageCounter.Answer(application, new ApiRoute(api, "Orders", "orders", "1.0.0",
                Lifecycle.PUBLISHED, "MOCK", null, null, false, List.of()), "PRODUCTION", "GET /orders", "GET",
                "/orders", status, reason, reason == null ? null : "why", 1_500_000));
    }

    private Map<String, Long> lastBatch() {
        return batches.get(batches.size() - 1).stream().collect(Collectors.toMap(
                cell -> cell.granularity() + " " + cell.status(), UsageCell::calls));
    }

    @Test
    void cellsAreWrittenWithAbsoluteCountsAndTheirHoursOnlyWhenTheyChanged() {
        answer(200, null);
        answer(200, null);
        answer(429, "rate_limited");
        counter.flush();
        assertEquals(Map.of("MINUTE 200", 2L, "HOUR 200", 2L, "MINUTE 429", 1L, "HOUR 429", 1L), lastBatch());
        assertEquals(1, examples.size());
        assertEquals("rate_limited", examples.get(0).reason());
        assertEquals("/api/orders/1.0.0/orders", examples.get(0).path());
        assertEquals("Orders 1.0.0", examples.get(0).apiName());
        assertEquals(2, batches.get(0).stream().filter(cell -> cell.granularity() == Granularity.MINUTE
                && cell.status() == 200).findFirst().orElseThrow().latency()[3], "1.5 ms: the bucket from 1 to 2 ms");

        counter.flush();
        assertEquals(1, batches.size(), "nothing changed, nothing written");

        answer(200, null);
        counter.flush();
        assertEquals(Map.of("MINUTE 200", 3L, "HOUR 200", 3L), lastBatch(), "the whole count, not the increment");
    }

    @Test
    void whileTheDatabaseIsDownCountsWaitAndAreWrittenWholeAfterwards() {
        answer(200, null);
        answer(403, "insufficient_scope");
        databaseDown = true;
        counter.flush();
        answer(200, null);
        counter.flush();
        databaseDown = false;
        counter.flush();

        assertEquals(1, batches.size());
        assertEquals(Map.of("MINUTE 200", 2L, "HOUR 200", 2L, "MINUTE 403", 1L, "HOUR 403", 1L), lastBatch());
        assertEquals(1, examples.size(), "the refused call's example kept too");
    }

    @Test
    void beyondItsCellsTheCounterCountsNoNewCombination() {
        counter.maxCells = 1;
        answer(200, null);
        answer(404, "operation_not_found");
        answer(200, null);
        counter.flush();
        assertEquals(Map.of("MINUTE 200", 2L, "HOUR 200", 2L), lastBatch());
    }

    @Test
    void switchedOffItCountsNothing() {
        counter.enabled = false;
        answer(200, null);
        counter.flush();
        assertEquals(List.of(), batches);
    }
}
