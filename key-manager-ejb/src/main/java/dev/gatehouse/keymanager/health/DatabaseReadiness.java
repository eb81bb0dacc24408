package dev.gatehouse.keymanager.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only when the schema migration succeeded and the database answers now. In the EAR this class is a library
 * (the key manager's health jar in {@code lib/}), which can neither see the EJB module's beans nor, on WildFly,
 * resolve {@code java:app} names on the thread that runs health checks: the migration hands it its data source.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    private record Migrated(String schemaVersion, DataSource dataSource) {
    }

    /** One per class loader: the EAR's lib, or the runtime WAR on Payara Micro. */
    private static volatile Migrated migrated;

    /** Called by the key manager's schema migration once it has succeeded. */
    public static void migrated(String schemaVersion, DataSource dataSource) {
        migrated = new Migrated(schemaVersion, dataSource);
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("database");
        Migrated state = migrated;
        if (state == null) {
            return response.down().withData("schema", "not migrated").build();
        }
        response.withData("schema", state.schemaVersion());
        try (Connection connection = state.dataSource().getConnection()) {
            return connection.isValid(VALIDATION_TIMEOUT_SECONDS)
                    ? response.up().build()
                    : response.down().withData("connection", "not valid").build();
        } catch (SQLException e) {
            return response.down().withData("connection", "unreachable").build();
        }
    }
}
