package dev.gatehouse.keymanager.changes.api;

import jakarta.ejb.Local;
import java.time.Instant;
import java.util.List;

/**
 * Reads the change feed, for instances that cache what it announces. Entry ids come from a sequence, and a
 * transaction that drew a lower id may commit after one that drew a higher id; so a follower asks for every entry
 * after the highest id it has seen and also for every entry written since a short while ago, and treats the
 * entries as idempotent hints.
 */
@Local
public interface ChangeLog {

    /** The highest entry id so far (0 when there is none): where a new follower starts. */
    long latest();

    /**
     * Entries with an id above {@code afterId} or written at or after {@code since}, by id, at most {@code max};
     * when entries up to {@code afterId} alone fill that (a burst within the window), also the next {@code max}
     * above it, so that a follower never stalls behind entries it has already seen.
     */
    List<Change> after(long afterId, Instant since, int max);
}
