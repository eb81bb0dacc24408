package dev.gatehouse.keymanager.changes.api;

import java.time.Instant;

/** One committed change that caches must honour: which entity (api, subscription, application, revocation...). */
public record Change(long id, String entity, String entityId, String kind, Instant changedAt) {
}
