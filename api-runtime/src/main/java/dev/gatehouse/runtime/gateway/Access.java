package dev.gatehouse.runtime.gateway;

import dev.gatehouse.keymanager.apis.api.RouteOperation;
import java.util.Optional;

/**
 * The gateway's decision on one request with a valid token: the operation it names (once known), the backend to
 * forward to (none for a mock endpoint), the plan's rate-limit state, or why it is refused.
 */
record Access(RouteOperation operation, String backend, Optional<RateLimiter.Decision> limit, Refusal refusal) {

    static Access granted(RouteOperation operation, String backend, Optional<RateLimiter.Decision> limit) {
        return new Access(operation, backend, limit, null);
    }

    static Access refused(Refusal refusal) {
        return new Access(null, null, Optional.empty(), refusal);
    }

    /** Refused once the operation is known: the refusal is counted under it. */
    static Access refused(RouteOperation operation, Refusal refusal) {
        return new Access(operation, null, Optional.empty(), refusal);
    }

    boolean isGranted() {
        return refusal == null;
    }

    /** As usage names it: the operation's method and path template, or "*" when none matched. */
    String operationName(String method) {
        return operation == null ? method + " *" : operation.method() + " " + operation.pathTemplate();
    }
}
