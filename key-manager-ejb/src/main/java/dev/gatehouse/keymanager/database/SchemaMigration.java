package dev.gatehouse.keymanager.database;

import dev.gatehouse.keymanager.health.DatabaseReadiness;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Declares the application's pooled data source and brings the schema up to date with Flyway before anything
 * else uses it. Every instance of the application (two WARs in one Payara Micro, or many nodes) runs this; Flyway's
 * lock makes the concurrent runs safe and the later ones find nothing to do.
 */
@DataSourceDefinition(
        name = SchemaMigration.DATA_SOURCE,
        className = "dev.gatehouse.keymanager.database.ConfiguredDataSource",
        minPoolSize = 0,
        initialPoolSize = 0,
        maxPoolSize = 32,
        // the pool's own probe keeps dead connections (a restarted PostgreSQL) out of use
        properties = {
                // a standard DataSource property (JDBC 4.3, 9.6.1): WildFly's pool refuses a data source class
                // given no connection property at all (IJ031103)
                "dataSourceName=gatehouse",
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=auto-commit",
                "fish.payara.fail-all-connections=true"})
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN) // Flyway commits each migration itself
public class SchemaMigration {

    public static final String DATA_SOURCE = "java:app/jdbc/gatehouse";

    private static final System.Logger LOG = System.getLogger(SchemaMigration.class.getName());
    /**
     * Whether this application carries the readiness checks, a jar of their own (see key-manager-ejb's pom): the
     * runtime and the EAR do, the portal WAR does not, so that each check is reported once.
     */
    private static final boolean READINESS_CHECKS = present("dev.gatehouse.keymanager.health.DatabaseReadiness");

    @Resource(lookup = DATA_SOURCE)
    private DataSource dataSource;

    private volatile String schemaVersion;

    @PostConstruct
    void migrate() {
        var settings = ConfiguredDataSource.DatabaseSettings.from(
                ConfigProvider.getConfig(SchemaMigration.class.getClassLoader()));
        probeDirectly(settings);
        try {
            Flyway flyway = flyway(dataSource);
            backUpEmbeddedDatabaseBeforeChange(flyway, settings);
            MigrateResult result = flyway.migrate();
            schemaVersion = result.targetSchemaVersion != null ? result.targetSchemaVersion
                    : flyway(dataSource).info().current().getVersion().getVersion();
            ConfiguredDataSource.started();
            if (READINESS_CHECKS) {
                DatabaseReadiness.migrated(schemaVersion, dataSource);
            }
            LOG.log(Level.INFO, "GH-DB-100 Database {0} at schema version {1} ({2} migration(s) applied)",
                    settings.describe(), schemaVersion, result.migrationsExecuted);
        } catch (FlywayException e) {
            // no stack trace: the line says what is wrong and how to fix it
            throw StartupFailure.fail(MigrationFailure.describe(e, settings));
        }
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, SchemaMigration.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException absent) {
            return false;
        }
    }

    /** A first connection outside the pool, so that an unreachable database is one clear line, not pool traces. */
    private static void probeDirectly(ConfiguredDataSource.DatabaseSettings settings) {
        try (Connection connection = new ConfiguredDataSource().getConnection()) {
            connection.isValid(5);
        } catch (SQLException e) {
            throw StartupFailure.fail(MigrationFailure.describe(new FlywayException(e.getMessage(), e), settings));
        }
    }

    /**
     * H2 cannot roll back DDL, so a failed migration could leave its schema half-changed: take a backup first,
     * whenever there is an existing schema and something to apply. PostgreSQL rolls a failed migration back.
     */
    private void backUpEmbeddedDatabaseBeforeChange(Flyway flyway, ConfiguredDataSource.DatabaseSettings settings) {
        MigrationInfoService info = flyway.info();
        if (!settings.url().startsWith("jdbc:h2:file:") || info.current() == null || info.pending().length == 0) {
            return;
        }
        String file = settings.describe().substring("jdbc:h2:file:".length())
                + "-before-V" + info.pending()[0].getVersion() + "-" + System.currentTimeMillis() + ".zip";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement backup = connection.prepareStatement("BACKUP TO ?")) {
            backup.setString(1, file);
            backup.execute();
            LOG.log(Level.INFO, "GH-DB-101 Backed up the database to {0} before migrating", file);
        } catch (SQLException e) {
            throw new FlywayException("Could not back up the database before migrating: " + e.getMessage(), e);
        }
    }

    static Flyway flyway(DataSource dataSource) {
        return Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .validateMigrationNaming(true)
                .outOfOrder(false)
                .cleanDisabled(true)
                .load();
    }
}
