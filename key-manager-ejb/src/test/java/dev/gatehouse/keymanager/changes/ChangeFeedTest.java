package dev.gatehouse.keymanager.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.keymanager.database.TestDatabase;
import dev.gatehouse.keymanager.database.TestPersistence;
import java.time.Duration;
import java.time.Instant;
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
            persistence.inTransactionDo(em -> {
                ChangeFeed feed = new ChangeFeed();
                feed.em = em;
                feed.record("subscription", first, "BLOCKED");
                feed.record("application", second, "DELETED");
            });

            List<ChangeEntry> entries = persistence.inTransaction(em -> em.createQuery(
                    "SELECT c FROM ChangeEntry c WHERE c.id > :after ORDER BY c.id", ChangeEntry.class)
                    .setParameter("after", 0L).getResultList());

            assertEquals(List.of(first.toString(), second.toString()),
                    entries.stream().map(ChangeEntry::entityId).toList());
            assertTrue(entries.get(0).id() < entries.get(1).id());
            assertTrue(Duration.between(entries.get(0).changedAt(), Instant.now()).abs().toSeconds() < 60,
                    "the time survives the round trip: " + entries.get(0).changedAt());
        }
    }
}
