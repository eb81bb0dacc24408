package dev.gatehouse.keymanager.ratelimits.api;

import jakarta.ejb.Local;
import java.util.List;

/**
 * The rate-limit counts of every gateway node, kept in the database so that a plan's limit holds across a cluster
 * on any server (Payara Micro, Payara Server, WildFly) without a data grid. Each node counts locally and shares its
 * counts a few times a second; between two exchanges a node does not see what the others admitted.
 */
@Local
public interface SharedRateCounts {

    /**
     * Records this node's admitted counts (absolute, not increments, so a repeated call is harmless) and answers the
     * totals over all nodes of every window that has not ended at {@code nowMillis}.
     */
    List<WindowCount> exchange(String nodeId, List<WindowCount> counts, long nowMillis);
}
