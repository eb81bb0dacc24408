package dev.gatehouse.keymanager.audit.api;

import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * Which audit events to list: each filter is optional (null or blank: any). {@code actor} and {@code action} match
 * exactly; {@code target} matches the target's id or its type; {@code from} is inclusive, {@code to} exclusive.
 * Pages are counted from 0; a size outside 1 to {@value #MAX_PAGE_SIZE} is brought within it, as in the catalog.
 */
public record AuditQuery(
        @Size(max = 100, message = "actor must be at most 100 characters") String actor,
        @Size(max = 64, message = "action must be at most 64 characters") String action,
        @Size(max = 64, message = "target must be at most 64 characters") String target,
        Instant from,
        Instant to,
        int page,
        int size) {

    public static final int MAX_PAGE_SIZE = 100;
}
