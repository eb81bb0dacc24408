package dev.gatehouse.keymanager.database;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * The columns of a row that is changed after it is written (an application, its OAuth client, an API, a
 * subscription): a random id, when it was created and last changed, and the version that makes the second of two
 * concurrent changes fail instead of overwriting the first. Only the mapping is shared; each feature keeps its own
 * table, which its own migration creates with these columns.
 */
@MappedSuperclass
public abstract class VersionedRow {

    @Id
    private UUID id;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "row_version")
    private long rowVersion;

    /** For the persistence provider, which reads the fields from the row. */
    protected VersionedRow() {
    }

    /** A new row with a fresh id, not changed since it was created. */
    protected VersionedRow(Instant createdAt) {
        this.id = UUID.randomUUID();
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    public UUID id() {
        return id;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** Every change of the row's own fields calls this, so that updated_at tells when it last changed. */
    protected void changed() {
        this.updatedAt = Instant.now();
    }
}
