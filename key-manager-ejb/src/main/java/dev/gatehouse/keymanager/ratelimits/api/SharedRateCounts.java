package dev.gatehouse.keymanager.ratelimits.api;

import jakarta.ejb.Local;
import java.util.List;

/**
 * The rate-limit counts of every gateway node, kept in the database so that a plan's limit holds across a cluster
 * on any server (Payara Micro, Payara Server, WildFly) without a data grid. Each node counts locally and shares its
 * counts a few times a second; between two exchanges a node does not see what the others admitted. Windows that
 * must hold exactly (quotas) are counted in the database itself, one conditional update per admitted request.
 */
@Local
public interface SharedRateCounts {

    /**
     * Records this node's admitted counts (absolute, not increments, so a repeated call is harmless) and answers the
     * totals over all nodes of every window that has not ended at {@code nowMillis}.
     */
    List<WindowCount> exchange(String nodeId, List<WindowCount> counts, long nowMillis);

    /**
     * Admits one request into a window counted exactly across the nodes, by one conditional update in the
     * database. Answers the window's count after this request, {@code -1} when the window is full, and {@code 0}
     * when no node has opened the window yet ({@link #openExactWindow}, then ask again).
     */
    long admitExactly(String counter, long windowStart, long limit);

    /** Opens an exactly counted window with no request in it; does nothing if another node just did. */
    void openExactWindow(String counter, long windowStart, long windowEnd);
}
