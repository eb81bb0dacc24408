package dev.gatehouse.keymanager.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.keymanager.database.TestDatabase;
import dev.gatehouse.keymanager.database.TestPersistence;
import java.time.Duration;
import java.time.Instant;
import dev.gatehouse.keymanager.changes.api.Change;
import dev.gatehouse.keymanager.changes.api.ChangedEntity;
import jakarta.enterprise.event.Event;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ChangeFeedTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void entriesAreReadBackInCommitOrderWithTheirTime(TestDatabase kind) {
        try (TestPersistence persistence = TestPersistence.on(kind)) {
            UUID first = UUID.randomUUID();
            UUID second = UUID.randomUUID();
            List<Change> fired = new ArrayList<>();
            persistence.inTransactionDo(em -> {
                ChangeFeed feed = ChangeFeedTesting.on(em);
                feed.committed = recording(fired);
                feed.record(ChangedEntity.SUBSCRIPTION, first, "BLOCKED");
                feed.record(ChangedEntity.APPLICATION, second, "DELETED");
            });

            List<ChangeEntry> entries = persistence.inTransaction(em -> em.createQuery(
                    "SELECT c FROM ChangeEntry c WHERE c.id > :after ORDER BY c.id", ChangeEntry.class)
                    .setParameter("after", 0L).getResultList());

            assertEquals(List.of(first.toString(), second.toString()),
                    entries.stream().map(ChangeEntry::entityId).toList());
            assertTrue(entries.get(0).id() < entries.get(1).id());
            assertEquals(entries.stream().map(ChangeEntry::id).toList(), fired.stream().map(Change::id).toList(),
                    "each change is fired for this module's caches with its feed id");
            assertTrue(Duration.between(entries.get(0).changedAt(), Instant.now()).abs().toSeconds() < 60,
                    "the time survives the round trip: " + entries.get(0).changedAt());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theHourlyPurgeDropsEntriesOlderThanADayAndKeepsTheRest(TestDatabase kind) {
        try (TestPersistence persistence = TestPersistence.on(kind)) {
            Instant now = Instant.now();
            persistence.inTransactionDo(em -> {
                em.persist(new ChangeEntry("application", "old", "DELETED", now.minus(ChangeLogBean.KEPT).minusSeconds(60)));
                em.persist(new ChangeEntry("application", "recent", "DELETED", now.minus(ChangeLogBean.KEPT).plusSeconds(60)));
                em.persist(new ChangeEntry("application", "new", "DELETED", now));
            });

            persistence.inTransactionDo(em -> ChangeFeedTesting.log(em).purgeOldEntries());

            assertEquals(List.of("recent", "new"), persistence.inTransaction(em -> em.createQuery(
                    "SELECT c.entityId FROM ChangeEntry c ORDER BY c.id", String.class).getResultList()));
        }
    }

    @SuppressWarnings("unchecked")
    private static Event<Change> recording(List<Change> fired) {
        return (Event<Change>) Proxy.newProxyInstance(Event.class.getClassLoader(), new Class<?>[] {Event.class},
                (self, method, arguments) -> {
                    if (method.getName().equals("fire")) {
                        fired.add((Change) arguments[0]);
                    }
                    return null;
                });
    }
}
