package dev.gatehouse.keymanager.changes.api;

import java.time.Instant;
import java.util.Optional;

/** One committed change that caches must honour: which entity (api, subscription, application, revocation...). */
public record Change(long id, String entity, String entityId, String kind, Instant changedAt) {

    /** Empty for an entity this version does not know. */
    public Optional<ChangedEntity> about() {
        return ChangedEntity.of(entity);
    }
}
