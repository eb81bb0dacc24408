package dev.gatehouse.keymanager.api;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.function.Executable;

/** A test asserts which rule refused a call, by its stable reason, not only that something was refused. */
public final class Refusals {

    private Refusals() {
    }

    /** The reason of the business refusal that the call ends in; fails the test if it ends otherwise. */
    public static String reasonOf(Executable call) {
        return assertThrows(BusinessException.class, call).reason();
    }
}
