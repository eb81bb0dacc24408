package dev.gatehouse.keymanager.changes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One row of the change feed that every instance follows to drop what it cached. */
@Entity
@Table(name = "change_feed")
@NamedQuery(name = "ChangeEntry.purge", query = "DELETE FROM ChangeEntry c WHERE c.changedAt < :before")
@NamedQuery(name = "ChangeEntry.latest", query = "SELECT MAX(c.id) FROM ChangeEntry c")
@NamedQuery(name = "ChangeEntry.afterOrSince",
        query = "SELECT c FROM ChangeEntry c WHERE c.id > :afterId OR c.changedAt >= :since ORDER BY c.id")
@NamedQuery(name = "ChangeEntry.after", query = "SELECT c FROM ChangeEntry c WHERE c.id > :afterId ORDER BY c.id")
public class ChangeEntry {

    @Id
    @SequenceGenerator(name = "change_feed_seq", sequenceName = "change_feed_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "change_feed_seq")
    private Long id;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(nullable = false, length = 32)
    private String entity;

    @Column(name = "entity_id", nullable = false, length = 64)
    private String entityId;

    @Column(name = "change_kind", nullable = false, length = 32)
    private String changeKind;

    protected ChangeEntry() {
    }

    ChangeEntry(String entity, String entityId, String changeKind, Instant changedAt) {
        this.entity = entity;
        this.entityId = entityId;
        this.changeKind = changeKind;
        this.changedAt = changedAt;
    }

    public Long id() {
        return id;
    }

    public String entity() {
        return entity;
    }

    public String entityId() {
        return entityId;
    }

    public String changeKind() {
        return changeKind;
    }

    public Instant changedAt() {
        return changedAt;
    }
}
