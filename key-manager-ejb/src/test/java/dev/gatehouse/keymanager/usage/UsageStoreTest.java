package dev.gatehouse.keymanager.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.keymanager.accounts.api.Caller;
import dev.gatehouse.keymanager.accounts.api.Role;
import dev.gatehouse.keymanager.audit.api.NotAdministrator;
import dev.gatehouse.keymanager.database.TestDatabase;
import dev.gatehouse.keymanager.database.TestPersistence;
import dev.gatehouse.keymanager.usage.api.Granularity;
import dev.gatehouse.keymanager.usage.api.LatencyHistogram;
import dev.gatehouse.keymanager.usage.api.RefusedCall;
import dev.gatehouse.keymanager.usage.api.UsageCell;
import dev.gatehouse.keymanager.usage.api.UsagePeriod;
import dev.gatehouse.keymanager.usage.api.UsagePeriodInvalid;
import dev.gatehouse.keymanager.usage.api.UsageReport;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Usage in the database: each node's cells replaced, not added, summed over nodes when read; kept as configured. */
class UsageStoreTest {

    /** A whole hour of its own, so that other tests' rows never fall into the period. */
    private static final long START = Instant.parse("2031-03-04T05:00:00Z").toEpochMilli();
    private static final Caller ADMIN = new Caller(UUID.randomUUID(), "admin", Set.of(Role.ADMIN));

    private static UsageRecorderBean recorder(EntityManager em) {
        UsageRecorderBean bean = new UsageRecorderBean();
        bean.em = em;
        bean.settings = new UsageSettings(Duration.ofHours(48), Duration.ofDays(90));
        return bean;
    }

    private static UsageReportsBean reports(EntityManager em) {
        UsageReportsBean bean = new UsageReportsBean();
        bean.em = em;
        return bean;
    }

    private static long[] latency(long... millis) {
        long[] counts = new long[LatencyHistogram.BUCKETS];
        for (long each : millis) {
            counts[LatencyHistogram.bucketOf(each * 1_000_000)]++;
        }
        return counts;
    }

    private static UsageCell cell(Granularity granularity, UUID application, UUID api, int status, String reason,
            long calls, long[] latency) {
        return new UsageCell(granularity, START, application, api, "Orders 1.0.0", "PRODUCTION", "GET /orders",
                status, reason, calls, latency);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void eachNodesCellsAreReplacedAndTheNodesAreSummed(TestDatabase kind) {
        try (TestPersistence persistence = TestPersistence.on(kind)) {
            UUID application = UUID.randomUUID();
            UUID api = UUID.randomUUID();
            RefusedCall refusal = new RefusedCall(Instant.ofEpochMilli(START + 30_000), application, api,
                    "Orders 1.0.0", "PRODUCTION", "GET", "/api/orders/1.0.0/orders", 429, "rate_limited",
                    "The subscription's plan allows 2 requests/minute; retry in 30 s.");
            persistence.inTransactionDo(em -> recorder(em).record("node-a", List.of(
                    cell(Granularity.MINUTE, application, api, 200, "", 3, latency(1, 1, 40)),
                    cell(Granularity.HOUR, application, api, 200, "", 3, latency(1, 1, 40))), List.of()));
            persistence.inTransactionDo(em -> recorder(em).record("node-b", List.of(
                    cell(Granularity.MINUTE, application, api, 429, "rate_limited", 2, latency(1, 1)),
                    cell(Granularity.HOUR, application, api, 429, "rate_limited", 2, latency(1, 1))),
                    List.of(refusal)));
            // a node writes its cell again with the count it now holds: replaced, not added
            persistence.inTransactionDo(em -> recorder(em).record("node-a", List.of(
                    cell(Granularity.MINUTE, application, api, 200, "", 4, latency(1, 1, 40, 1)),
                    cell(Granularity.HOUR, application, api, 200, "", 4, latency(1, 1, 40, 1))), List.of()));

            UsagePeriod hour = new UsagePeriod(Instant.ofEpochMilli(START), Instant.ofEpochMilli(START + 3_600_000),
                    Granularity.MINUTE);
            UsageReport minutes = persistence.inTransaction(em -> reports(em).overall(ADMIN, hour));
            assertEquals(6, minutes.calls());
            assertEquals(2, minutes.refused());
            assertEquals(2, minutes.errors());
            assertEquals(Map.of("rate_limited", 2L), minutes.refusals());
            assertEquals(60, minutes.series().size());
            assertEquals(new UsageReport.Slot(Instant.ofEpochMilli(START), 6, 2), minutes.series().get(0));
            assertEquals(0, minutes.series().get(1).calls());
            UsageReport.OperationUsage operation = minutes.operations().get(0);
            assertEquals(1, minutes.operations().size(), "one row per application, API, environment and operation");
            assertEquals(application, operation.applicationId());
            assertEquals(6, operation.calls());
            assertEquals(1.0, operation.p50Millis(), "five of six calls took at most 1 ms");
            assertEquals(50.0, operation.p99Millis(), "the slowest, 40 ms, in the bucket up to 50 ms");
            assertEquals(1, minutes.recentRefusals().size());
            UsageReport.Refusal shown = minutes.recentRefusals().get(0);
            assertEquals("rate_limited", shown.reason());
            assertTrue(shown.advice().contains("plan"), shown.advice());
            assertEquals(refusal.description(), shown.description());

            UsageReport hours = persistence.inTransaction(em -> reports(em).overall(ADMIN,
                    new UsagePeriod(hour.from(), hour.to(), Granularity.HOUR)));
            assertEquals(6, hours.calls(), "the hour cells hold the same counts");
            assertEquals(1, hours.series().size());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void minutesAndRefusalsLeaveAfter48HoursAndHoursAfter90Days(TestDatabase kind) {
        try (TestPersistence persistence = TestPersistence.on(kind)) {
            UUID application = UUID.randomUUID();
            UUID api = UUID.randomUUID();
            persistence.inTransactionDo(em -> recorder(em).record("node-a", List.of(
                    cell(Granularity.MINUTE, application, api, 200, "", 1, latency(1)),
                    cell(Granularity.HOUR, application, api, 200, "", 1, latency(1))),
                    List.of(new RefusedCall(Instant.ofEpochMilli(START), application, api, "Orders 1.0.0",
                            "PRODUCTION", "GET", "/x", 404, "operation_not_found", "No operation."))));
            UsagePeriod day = new UsagePeriod(Instant.ofEpochMilli(START), Instant.ofEpochMilli(START + 3_600_000),
                    Granularity.MINUTE);

            persistence.inTransaction(em -> recorder(em).purgeExpired(START + Duration.ofHours(47).toMillis()));
            assertEquals(1, persistence.inTransaction(em -> reports(em).overall(ADMIN, day)).calls(), "kept 48 h");

            persistence.inTransaction(em -> recorder(em).purgeExpired(START + Duration.ofHours(49).toMillis()));
            UsageReport afterTwoDays = persistence.inTransaction(em -> reports(em).overall(ADMIN, day));
            assertEquals(0, afterTwoDays.calls());
            assertEquals(List.of(), afterTwoDays.recentRefusals());
            assertEquals(1, persistence.inTransaction(em -> reports(em).overall(ADMIN,
                    new UsagePeriod(day.from(), day.to(), Granularity.HOUR))).calls(), "hours stay");

            persistence.inTransaction(em -> recorder(em).purgeExpired(START + Duration.ofDays(91).toMillis()));
            assertEquals(0, persistence.inTransaction(em -> reports(em).overall(ADMIN,
                    new UsagePeriod(day.from(), day.to(), Granularity.HOUR))).calls());
        }
    }

    @Test
    void onlyAdministratorsSeeEverything() {
        Caller developer = new Caller(UUID.randomUUID(), "dev", Set.of(Role.DEVELOPER));
        assertThrows(NotAdministrator.class, () -> new UsageReportsBean().overall(developer,
                UsagePeriod.last(Duration.ofHours(1), Instant.now())));
    }

    @Test
    void periodsAreCheckedAndGetTheirBuckets() {
        Instant now = Instant.parse("2031-03-04T05:30:00Z");
        assertEquals(Granularity.MINUTE, UsagePeriod.of(null, null, null, now).granularity());
        assertEquals(now.minus(Duration.ofHours(1)), UsagePeriod.of(null, null, null, now).from());
        assertEquals(Granularity.HOUR, UsagePeriod.last(Duration.ofDays(7), now).granularity());
        assertEquals(Granularity.HOUR, UsagePeriod.of(null, null, "HOUR", now).granularity());
        assertThrows(UsagePeriodInvalid.class, () -> UsagePeriod.of(null, null, "second", now));
        assertThrows(UsagePeriodInvalid.class, () -> UsagePeriod.of("yesterday", null, null, now));
        assertThrows(UsagePeriodInvalid.class, () -> UsagePeriod.of(now.toString(), now.toString(), null, now));
        assertThrows(UsagePeriodInvalid.class, () -> UsagePeriod.of(now.minus(Duration.ofDays(3)).toString(), null,
                "minute", now));
        assertThrows(UsagePeriodInvalid.class, () -> UsagePeriod.of(now.minus(Duration.ofDays(91)).toString(), null,
                null, now));
    }

    @Test
    void aPercentileIsTheBoundOfItsBucket() {
        assertEquals(null, LatencyHistogram.percentileMillis(new long[LatencyHistogram.BUCKETS], 0.5));
        assertEquals(0.25, LatencyHistogram.percentileMillis(latency(0), 0.5));
        assertEquals(10_000.0, LatencyHistogram.percentileMillis(latency(60_000), 0.99), "the open last bucket");
        long[] stored = latency(2, 3);
        long[] sum = latency(2);
        LatencyHistogram.addEncoded(sum, LatencyHistogram.encode(stored));
        assertEquals(3, java.util.Arrays.stream(sum).sum());
    }
}
