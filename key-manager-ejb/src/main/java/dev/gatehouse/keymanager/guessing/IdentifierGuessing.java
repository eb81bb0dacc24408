package dev.gatehouse.keymanager.guessing;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Guessing of the secret behind a public identifier (a client id, a username), throttled per identifier AND source
 * address, so that failures sent from one address never lock the owner out on another: after {@code maxFailures}
 * failures within {@code window} from one address, that address is refused for that identifier for
 * {@code lockout}.
 *
 * <p>A backstop slows guessing spread over many addresses without refusing the owner: once an identifier has
 * {@code backstopFailures} failures within {@code backstopWindow} from any addresses, a single further failure
 * locks the address it came from. An address that has not failed (the owner with the right secret) is never
 * refused; each guessing address gets one guess per lockout.
 */
public final class IdentifierGuessing {

    private final int maxFailures;
    private final int backstopFailures;
    private final GuessingThrottle bySource;
    private final GuessingThrottle byIdentifier;

    public IdentifierGuessing(int maxFailures, Duration window, Duration lockout, int backstopFailures,
            Duration backstopWindow) {
        this.maxFailures = maxFailures;
        this.backstopFailures = backstopFailures;
        this.bySource = new GuessingThrottle(maxFailures, window, lockout);
        // only counts: it never locks an identifier as a whole
        this.byIdentifier = new GuessingThrottle(Integer.MAX_VALUE, backstopWindow, Duration.ZERO);
    }

    /** How long this address stays refused for this identifier, if it is. */
    public Optional<Duration> lockedFor(String identifier, String source, Instant now) {
        return bySource.lockedFor(key(identifier, source), now);
    }

    public void failed(String identifier, String source, Instant now) {
        int acrossSources = byIdentifier.failed(identifier, now, Integer.MAX_VALUE);
        bySource.failed(key(identifier, source), now, acrossSources > backstopFailures ? 1 : maxFailures);
    }

    /** Forgets this address's failures; the count across addresses stays, or one success would reset it. */
    public void succeeded(String identifier, String source) {
        bySource.succeeded(key(identifier, source));
    }

    private static String key(String identifier, String source) {
        // a newline cannot appear in an address, so no two pairs share a key
        return identifier + '\n' + source;
    }
}
