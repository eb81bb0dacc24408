package dev.gatehouse.keymanager.api;

import jakarta.ejb.ApplicationException;

/**
 * A refusal by the key manager's rules. It rolls back the use case's transaction and reaches the caller as it is
 * (not wrapped in an EJBException). {@link #reason()} is a stable code clients may switch on; {@link #kind()}
 * says what sort of refusal it is, and the web layers translate that into their own protocol.
 */
@ApplicationException(rollback = true)
public abstract class BusinessException extends RuntimeException {

    public enum Kind { NOT_FOUND, CONFLICT, INVALID, DENIED, THROTTLED }

    private final Kind kind;
    private final String reason;

    protected BusinessException(Kind kind, String reason, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.reason = reason;
    }

    public Kind kind() {
        return kind;
    }

    public String reason() {
        return reason;
    }
}
