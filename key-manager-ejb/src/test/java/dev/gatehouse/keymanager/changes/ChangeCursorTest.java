package dev.gatehouse.keymanager.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.keymanager.changes.api.Change;
import dev.gatehouse.keymanager.changes.api.ChangeCursor;
import dev.gatehouse.keymanager.changes.api.ChangedEntity;
import dev.gatehouse.keymanager.database.TestDatabase;
import dev.gatehouse.keymanager.database.TestPersistence;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A follower's cursor over the real change log: nothing committed is missed, nothing is handed on twice. */
class ChangeCursorTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aChangeCommittedAfterOneWithAHigherIdIsStillHandedOn(TestDatabase kind) {
        try (TestPersistence persistence = TestPersistence.on(kind)) {
            ChangeCursor cursor = new ChangeCursor();
            next(persistence, cursor); // a new follower starts at the newest entry
            UUID early = UUID.randomUUID();
            UUID late = UUID.randomUUID();
            List<Change> whileOpen = new ArrayList<>();

            // the first transaction draws the lower id but commits last
            persistence.inTransactionDo(first -> {
                ChangeFeedTesting.on(first).record(ChangedEntity.SUBSCRIPTION, late, "BLOCKED");
                first.flush();
                persistence.inTransactionDo(second ->
                        ChangeFeedTesting.on(second).record(ChangedEntity.APPLICATION, early, "BLOCKED"));
                whileOpen.addAll(next(persistence, cursor));
            });
            List<Change> afterCommit = next(persistence, cursor);
            List<Change> again = next(persistence, cursor);

            assertEquals(List.of(early.toString()), whileOpen.stream().map(Change::entityId).toList());
            assertEquals(List.of(late.toString()), afterCommit.stream().map(Change::entityId).toList(),
                    "the late commit is read although a higher id was read before it");
            assertTrue(afterCommit.get(0).id() < whileOpen.get(0).id(), "it did draw the lower id");
            assertEquals(List.of(), again, "and it is handed on once");
        }
    }

    /**
     * 1,500 entries committed together, all within the late-commit window: the follower must not stall behind the
     * first thousand, which the window keeps returning. The rows are written straight into the table, with ids
     * above the newest, so that the test does not wait for a sequence value per row.
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aBurstLargerThanOneReadIsHandedOnWholeOverSeveralReads(TestDatabase kind) {
        try (TestPersistence persistence = TestPersistence.on(kind)) {
            ChangeCursor cursor = new ChangeCursor();
            Instant burst = Instant.now();
            next(persistence, cursor, burst);
            List<String> written = IntStream.range(0, 1500).mapToObj(i -> UUID.randomUUID().toString()).toList();
            persistence.inTransactionDo(em -> {
                long newest = ChangeFeedTesting.log(em).latest();
                Connection connection = em.unwrap(Connection.class);
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO change_feed"
                        + " (id, changed_at, entity, entity_id, change_kind) VALUES (?, ?, 'api', ?, 'UPDATED')")) {
                    for (int i = 0; i < written.size(); i++) {
                        insert.setLong(1, newest + 1 + i);
                        insert.setObject(2, OffsetDateTime.ofInstant(burst, ZoneOffset.UTC));
                        insert.setString(3, written.get(i));
                        insert.addBatch();
                    }
                    insert.executeBatch();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });

            List<Change> first = next(persistence, cursor, burst);
            List<Change> second = next(persistence, cursor, burst);
            List<Change> third = next(persistence, cursor, burst);

            assertEquals(1000, first.size(), "one read takes at most a batch");
            assertEquals(500, second.size(), "the rest at the next read, not once the window has passed");
            assertEquals(List.of(), third);
            List<String> handedOn = new ArrayList<>(first.stream().map(Change::entityId).toList());
            handedOn.addAll(second.stream().map(Change::entityId).toList());
            assertEquals(written, handedOn, "every change once, in the order written");
        }
    }

    private static List<Change> next(TestPersistence persistence, ChangeCursor cursor) {
        return next(persistence, cursor, Instant.now());
    }

    private static List<Change> next(TestPersistence persistence, ChangeCursor cursor, Instant now) {
        return persistence.inTransaction(em -> cursor.next(ChangeFeedTesting.log(em), now));
    }
}
