package dev.gatehouse.keymanager.changes.api;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A follower's place in the change feed. Entry ids come from a sequence and a transaction that drew a lower id may
 * commit after one with a higher id, so each read also takes the entries of the last {@link #LATE_COMMIT_WINDOW}
 * again and hands on only those not handed on before. Used by one thread at a time.
 */
public final class ChangeCursor {

    /** Entries written this recently are read again. */
    public static final Duration LATE_COMMIT_WINDOW = Duration.ofSeconds(30);
    private static final int BATCH = 1000;

    private long highest = -1;
    private final Map<Long, Instant> handedOn = new HashMap<>();

    /** True until the first read: whatever a follower cached before it may be stale. */
    public boolean isNew() {
        return highest < 0;
    }

    /** The entries committed since the last read (none on the first: a new follower starts at the newest). */
    public List<Change> next(ChangeLog log, Instant now) {
        if (highest < 0) {
            highest = log.latest();
        }
        Instant since = now.minus(LATE_COMMIT_WINDOW);
        List<Change> fresh = new ArrayList<>();
        for (Change change : log.after(highest, since, BATCH)) {
            if (handedOn.putIfAbsent(change.id(), change.changedAt()) == null) {
                fresh.add(change);
            }
            highest = Math.max(highest, change.id());
        }
        handedOn.values().removeIf(changedAt -> changedAt.isBefore(since.minusSeconds(5)));
        return fresh;
    }
}
