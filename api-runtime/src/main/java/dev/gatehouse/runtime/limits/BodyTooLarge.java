package dev.gatehouse.runtime.limits;

import java.io.IOException;

/** Thrown by a request body's stream once it has given its limit and more is coming. */
public class BodyTooLarge extends IOException {

    private final long limit;

    public BodyTooLarge(long limit) {
        super("The request body is larger than " + limit + " bytes.", null);
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }

    /** The BodyTooLarge among a failure's causes, if any. */
    public static java.util.Optional<BodyTooLarge> in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLarge tooLarge) {
                return java.util.Optional.of(tooLarge);
            }
        }
        return java.util.Optional.empty();
    }
}
