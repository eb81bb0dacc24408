package dev.gatehouse.keymanager.applications;

import dev.gatehouse.keymanager.applications.api.ApplicationStatus;
import dev.gatehouse.keymanager.applications.api.ApplicationView;
import dev.gatehouse.keymanager.database.VersionedRow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

@Entity
@Table(name = "applications")
@NamedQuery(name = "Application.mine", query = "SELECT a FROM Application a WHERE a.ownerId = :owner ORDER BY a.nameKey")
@NamedQuery(name = "Application.countNamed",
        query = "SELECT COUNT(a) FROM Application a WHERE a.ownerId = :owner AND a.nameKey = :key AND a.id <> :id")
public class Application extends VersionedRow {

    @Column(name = "owner_id", nullable = false)
    private UUID ownerId;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(name = "name_key", nullable = false, length = 100)
    private String nameKey;

    @Column(length = 1000)
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ApplicationStatus status = ApplicationStatus.ACTIVE;

    @Column(name = "first_party", nullable = false)
    private boolean firstParty;

    protected Application() {
    }

    Application(UUID ownerId, String name, String description) {
        super(Instant.now());
        this.ownerId = ownerId;
        describe(name, description);
    }

    void describe(String name, String description) {
        this.name = name.strip();
        this.nameKey = key(name);
        this.description = description == null || description.isBlank() ? null : description.strip();
        changed();
    }

    void status(ApplicationStatus status) {
        this.status = status;
        changed();
    }

    boolean isFirstParty() {
        return firstParty;
    }

    void firstParty(boolean firstParty) {
        this.firstParty = firstParty;
        changed();
    }

    static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    public UUID ownerId() {
        return ownerId;
    }

    public String name() {
        return name;
    }

    public ApplicationStatus status() {
        return status;
    }

    public ApplicationView toView() {
        return new ApplicationView(id(), name, description, status, createdAt(), updatedAt());
    }
}
