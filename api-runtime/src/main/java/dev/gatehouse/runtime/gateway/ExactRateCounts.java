package dev.gatehouse.runtime.gateway;

import dev.gatehouse.keymanager.ratelimits.api.SharedRateCounts;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.System.Logger.Level;
import java.util.OptionalLong;

/**
 * The windows that hold exactly across the nodes ({@link RateLimiter#isExact}), counted in the database: one
 * conditional update per admitted request, and on a window's first request one insert by whichever node is first.
 */
@ApplicationScoped
class ExactRateCounts {

    private static final System.Logger LOG = System.getLogger(ExactRateCounts.class.getName());

    @EJB
    SharedRateCounts counts;

    private volatile boolean failing;

    /**
     * The window's count after admitting this request, -1 when it is full, or empty when the database cannot be
     * reached: the caller then counts on this node alone, as for the shared windows.
     */
    OptionalLong admit(String counter, long windowStart, long windowEnd, long limit) {
        try {
            long count = counts.admitExactly(counter, windowStart, limit);
            if (count == 0) {
                try {
                    counts.openExactWindow(counter, windowStart, windowEnd);
                } catch (RuntimeException openedElsewhere) {
                    // another node opened it first; the window exists either way
                }
                count = counts.admitExactly(counter, windowStart, limit);
            }
            if (failing) {
                LOG.log(Level.INFO, "GH-GW-023 Exact rate-limit windows are counted in the database again");
                failing = false;
            }
            return count == 0 ? OptionalLong.empty() : OptionalLong.of(count);
        } catch (RuntimeException unreachable) {
            if (!failing) {
                LOG.log(Level.WARNING, "GH-GW-022 Exact rate-limit windows cannot be counted in the database; each"
                        + " node counts them by itself until they can: " + unreachable);
                failing = true;
            }
            return OptionalLong.empty();
        }
    }
}
