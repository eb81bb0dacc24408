package dev.gatehouse.keymanager.database;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when the schema migration succeeded and the database answers now. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    @EJB
    private SchemaMigration schemaMigration;

    @Resource(lookup = SchemaMigration.DATA_SOURCE)
    private DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("database");
        var version = schemaMigration.schemaVersion();
        if (version.isEmpty()) {
            return response.down().withData("schema", "not migrated").build();
        }
        response.withData("schema", version.get());
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(VALIDATION_TIMEOUT_SECONDS)
                    ? response.up().build()
                    : response.down().withData("connection", "not valid").build();
        } catch (SQLException e) {
            return response.down().withData("connection", "unreachable").build();
        }
    }
}
