package dev.gatehouse.keymanager.ratelimits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.keymanager.database.TestDatabase;
import dev.gatehouse.keymanager.database.TestPersistence;
import dev.gatehouse.keymanager.ratelimits.api.WindowCount;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SharedRateCountsTest {

    private static final long MINUTE = 60_000;
    private static final long START = 1_795_900_020_000L; // a whole minute

    private static List<WindowCount> exchange(TestPersistence persistence, String node, List<WindowCount> counts,
            long now) {
        return persistence.inTransaction(em -> {
            SharedRateCountsBean bean = new SharedRateCountsBean();
            bean.em = em;
            return bean.exchange(node, counts, now);
        });
    }

    private static Map<String, Long> totals(List<WindowCount> counts) {
        return counts.stream().collect(Collectors.toMap(c -> c.counter() + "@" + c.windowStart(), WindowCount::requests));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void eachNodeSeesTheSumOfAllNodesCountsForOpenWindowsOnly(TestDatabase kind) {
        try (TestPersistence persistence = TestPersistence.on(kind)) {
            String counter = UUID.randomUUID() + "/60000";
            String a = UUID.randomUUID().toString();
            String b = UUID.randomUUID().toString();
            long now = START + 5_000;

            exchange(persistence, a, List.of(new WindowCount(counter, START, START + MINUTE, 3)), now);
            // counts are absolute: a repeated or later report replaces the node's own row rather than adding to it
            exchange(persistence, a, List.of(new WindowCount(counter, START, START + MINUTE, 4)), now);
            Map<String, Long> seenByB = totals(exchange(persistence, b,
                    List.of(new WindowCount(counter, START, START + MINUTE, 2)), now));
            Map<String, Long> seenByA = totals(exchange(persistence, a, List.of(), now));

            assertEquals(6L, seenByB.get(counter + "@" + START));
            assertEquals(6L, seenByA.get(counter + "@" + START));

            Map<String, Long> nextMinute = totals(exchange(persistence, a,
                    List.of(new WindowCount(counter, START + MINUTE, START + 2 * MINUTE, 1)), START + MINUTE));
            assertEquals(Map.of(counter + "@" + (START + MINUTE), 1L), filter(nextMinute, counter),
                    "the ended window is no longer reported");
        }
    }

    private static Map<String, Long> filter(Map<String, Long> totals, String counter) {
        return totals.entrySet().stream().filter(e -> e.getKey().startsWith(counter))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** What a gateway node does for one request in an exactly counted window: admit, opening the window if need be. */
    private static long admit(TestPersistence persistence, String counter, long limit) {
        long count = persistence.inTransaction(em -> bean(em).admitExactly(counter, START, limit));
        if (count == 0) {
            try {
                persistence.inTransactionDo(em -> bean(em).openExactWindow(counter, START, START + MINUTE));
            } catch (RuntimeException openedElsewhere) {
                // another node opened it first: its transaction won, this one rolled back
            }
            count = persistence.inTransaction(em -> bean(em).admitExactly(counter, START, limit));
        }
        return count;
    }

    private static SharedRateCountsBean bean(jakarta.persistence.EntityManager em) {
        SharedRateCountsBean bean = new SharedRateCountsBean();
        bean.em = em;
        return bean;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anExactWindowAdmitsItsLimitAndNotOneMoreUnderConcurrency(TestDatabase kind) throws Exception {
        try (TestPersistence persistence = TestPersistence.on(kind)) {
            String counter = UUID.randomUUID() + "/3600000";
            java.util.concurrent.ExecutorService nodes = java.util.concurrent.Executors.newFixedThreadPool(8);
            List<java.util.concurrent.Future<Long>> answers = new java.util.ArrayList<>();
            try {
                for (int i = 0; i < 40; i++) {
                    answers.add(nodes.submit(() -> admit(persistence, counter, 10)));
                }
                List<Long> counts = new java.util.ArrayList<>();
                for (var answer : answers) {
                    counts.add(answer.get());
                }
                assertEquals(10, counts.stream().filter(count -> count > 0).count(), counts.toString());
                assertEquals(30, counts.stream().filter(count -> count == -1).count(), counts.toString());
                assertEquals(java.util.stream.LongStream.rangeClosed(1, 10).boxed().toList(),
                        counts.stream().filter(count -> count > 0).sorted().toList(), "each admitted count once");
            } finally {
                nodes.shutdownNow();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theHourlyCleanUpDropsWindowsEndedOverAnHourAgoAndKeepsTheRest(TestDatabase kind) {
        try (TestPersistence persistence = TestPersistence.on(kind)) {
            long now = System.currentTimeMillis();
            long abandoned = now - SharedRateCountsBean.ABANDONED_AFTER.toMillis() - MINUTE;
            long recent = now - SharedRateCountsBean.ABANDONED_AFTER.toMillis() + 5 * MINUTE;
            String node = UUID.randomUUID().toString();
            exchange(persistence, node, List.of(new WindowCount("abandoned/60000", abandoned - MINUTE, abandoned, 3),
                    new WindowCount("recent/60000", recent - MINUTE, recent, 4)), abandoned - MINUTE);
            persistence.inTransactionDo(em -> {
                bean(em).openExactWindow("abandoned/3600000", abandoned - 60 * MINUTE, abandoned);
                bean(em).openExactWindow("recent/3600000", recent - 60 * MINUTE, recent);
            });

            persistence.inTransactionDo(em -> bean(em).dropAbandonedRows());

            assertEquals(List.of("recent/60000"), counters(persistence, "rate_counts"));
            assertEquals(List.of("recent/3600000"), counters(persistence, "exact_rate_counts"));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> counters(TestPersistence persistence, String table) {
        return persistence.inTransaction(em -> (List<String>) em.createNativeQuery(
                "SELECT counter_key FROM " + table + " ORDER BY counter_key").getResultList());
    }
}
