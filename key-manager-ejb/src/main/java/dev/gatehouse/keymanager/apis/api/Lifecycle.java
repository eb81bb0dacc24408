package dev.gatehouse.keymanager.apis.api;

import java.util.EnumSet;
import java.util.Set;

/** An API's lifecycle: CREATED → PUBLISHED → DEPRECATED → RETIRED, and BLOCKED from a visible state. */
public enum Lifecycle {
    CREATED,
    PUBLISHED,
    DEPRECATED,
    RETIRED,
    BLOCKED;

    public Set<Lifecycle> next() {
        return switch (this) {
            case CREATED -> EnumSet.of(PUBLISHED);
            case PUBLISHED -> EnumSet.of(DEPRECATED, BLOCKED);
            case DEPRECATED -> EnumSet.of(RETIRED, BLOCKED, PUBLISHED);
            case BLOCKED -> EnumSet.of(PUBLISHED);
            case RETIRED -> EnumSet.noneOf(Lifecycle.class);
        };
    }

    /** Developers see PUBLISHED and DEPRECATED APIs in the catalog. */
    public boolean isVisible() {
        return this == PUBLISHED || this == DEPRECATED;
    }
}
