package dev.gatehouse.keymanager.applications.api;

import java.time.Instant;
import java.util.UUID;

/**
 * Fired (a CDI event, in the deleting transaction) just before an application is deleted, for the features that
 * hold something of it: its OAuth clients revoke their tokens.
 */
public record ApplicationDeleted(UUID applicationId, Instant at) {
}
