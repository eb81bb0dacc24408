package dev.gatehouse.keymanager.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The shipped migrations and the rules the schema enforces, on H2 and on a real PostgreSQL. */
class SchemaMigrationTest {

    private static final String ACCOUNT = "a0000000-0000-0000-0000-000000000001";
    private static final String OTHER_ACCOUNT = "a0000000-0000-0000-0000-000000000002";
    private static final String BRONZE = "6b0c7a0e-0f3a-4c2e-9a51-000000000001";

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void migratesAnEmptyDatabaseAndASecondRunAppliesNothing(TestDatabase kind) throws SQLException {
        DataSource dataSource = kind.create();

        var first = SchemaMigration.flyway(dataSource).migrate();
        var second = SchemaMigration.flyway(dataSource).migrate();

        assertTrue(first.migrationsExecuted >= 1);
        assertEquals(0, second.migrationsExecuted);
        assertEquals(4, count(dataSource, "SELECT COUNT(*) FROM plans"));
        assertEquals(1, count(dataSource, "SELECT COUNT(*) FROM plans WHERE request_limit IS NULL"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void applicationNamesAreUniquePerOwnerIgnoringCase(TestDatabase kind) throws SQLException {
        DataSource dataSource = migrated(kind);
        insertAccount(dataSource, ACCOUNT, "alice");
        insertAccount(dataSource, OTHER_ACCOUNT, "bob");

        insertApplication(dataSource, ACCOUNT, "Weather App");
        insertApplication(dataSource, OTHER_ACCOUNT, "Weather App");

        assertThrows(SQLException.class, () -> insertApplication(dataSource, ACCOUNT, "WEATHER app"));
        assertEquals(2, count(dataSource, "SELECT COUNT(*) FROM applications"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void oneSubscriptionPerApplicationAndApi(TestDatabase kind) throws SQLException {
        DataSource dataSource = migrated(kind);
        insertAccount(dataSource, ACCOUNT, "alice");
        String application = insertApplication(dataSource, ACCOUNT, "Shop");
        String api = insertApi(dataSource, "pizza", "1.0.0");

        insertSubscription(dataSource, application, api);

        assertThrows(SQLException.class, () -> insertSubscription(dataSource, application, api));
        assertEquals(1, count(dataSource, "SELECT COUNT(*) FROM subscriptions"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void clientIdsKidsAndApiContextsAreUnique(TestDatabase kind) throws SQLException {
        DataSource dataSource = migrated(kind);
        insertAccount(dataSource, ACCOUNT, "alice");
        String first = insertApplication(dataSource, ACCOUNT, "One");
        String second = insertApplication(dataSource, ACCOUNT, "Two");
        insertApi(dataSource, "weather", "1.0.0");

        execute(dataSource, "INSERT INTO oauth_clients (id, application_id, environment, client_id, created_at, updated_at)"
                + " VALUES ('" + UUID.randomUUID() + "', '" + first + "', 'PRODUCTION', 'client-1', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
        execute(dataSource, "INSERT INTO signing_keys (id, kid, algorithm, public_jwk, private_key_encrypted, kek_id, status, created_at, signs_from)"
                + " VALUES ('" + UUID.randomUUID() + "', 'kid-1', 'RS256', '{}', 'x', 'k', 'ACTIVE', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");

        assertThrows(SQLException.class, () -> execute(dataSource, "INSERT INTO oauth_clients"
                + " (id, application_id, environment, client_id, created_at, updated_at) VALUES ('" + UUID.randomUUID()
                + "', '" + second + "', 'PRODUCTION', 'client-1', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"));
        assertThrows(SQLException.class, () -> execute(dataSource, "INSERT INTO signing_keys"
                + " (id, kid, algorithm, public_jwk, private_key_encrypted, kek_id, status, created_at, signs_from)"
                + " VALUES ('" + UUID.randomUUID() + "', 'kid-1', 'ES256', '{}', 'x', 'k', 'PASSIVE', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"));
        assertThrows(SQLException.class, () -> insertApi(dataSource, "weather", "1.0.0"));
        assertThrows(SQLException.class, () -> execute(dataSource, "INSERT INTO oauth_clients"
                + " (id, application_id, environment, client_id, created_at, updated_at) VALUES ('" + UUID.randomUUID()
                + "', '" + second + "', 'STAGING', 'client-2', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void deletingAnApplicationRemovesItsKeysAndSubscriptions(TestDatabase kind) throws SQLException {
        DataSource dataSource = migrated(kind);
        insertAccount(dataSource, ACCOUNT, "alice");
        String application = insertApplication(dataSource, ACCOUNT, "Shop");
        insertSubscription(dataSource, application, insertApi(dataSource, "pizza", "1.0.0"));
        String client = UUID.randomUUID().toString();
        execute(dataSource, "INSERT INTO oauth_clients (id, application_id, environment, client_id, created_at, updated_at)"
                + " VALUES ('" + client + "', '" + application + "', 'SANDBOX', 'client-9', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
        execute(dataSource, "INSERT INTO client_secrets (id, oauth_client_id, name, secret_hash, created_at) VALUES ('"
                + UUID.randomUUID() + "', '" + client + "', 'default', '" + "ab".repeat(32) + "', CURRENT_TIMESTAMP)");

        execute(dataSource, "DELETE FROM applications WHERE id = '" + application + "'");

        assertEquals(0, count(dataSource, "SELECT COUNT(*) FROM subscriptions"));
        assertEquals(0, count(dataSource, "SELECT COUNT(*) FROM oauth_clients"));
        assertEquals(0, count(dataSource, "SELECT COUNT(*) FROM client_secrets"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aFailingMigrationIsReportedInOneLineAndRecordedAsNotApplied(TestDatabase kind) throws SQLException {
        DataSource dataSource = migrated(kind);
        Flyway withBrokenMigration = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration", "classpath:db/testing/broken")
                .load();

        FlywayException failure = assertThrows(FlywayException.class, withBrokenMigration::migrate);

        String line = MigrationFailure.describe(failure, settingsOf(kind));
        assertTrue(line.startsWith("GH-DB-003 "), line);
        assertTrue(line.contains("V1000"), line);
        assertFalse(line.contains("\n"), line);
        assertEquals(0, count(dataSource,
                "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" = '1000' AND \"success\" = TRUE"));
        if (kind == TestDatabase.POSTGRESQL) {
            // transactional DDL: the half of the migration that worked is rolled back too
            assertEquals(0, count(dataSource,
                    "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'half_made'"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aMigrationInsertedBelowTheAppliedVersionIsRefused(TestDatabase kind) throws SQLException {
        DataSource dataSource = migrated(kind);
        Flyway withLateMigration = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration", "classpath:db/testing/late")
                .load();

        FlywayException failure = assertThrows(FlywayException.class, withLateMigration::migrate);

        String line = MigrationFailure.describe(failure, settingsOf(kind));
        assertTrue(line.startsWith("GH-DB-002 "), line);
        assertEquals(0, count(dataSource,
                "SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_name) = 'too_late'"));
    }

    private static ConfiguredDataSource.DatabaseSettings settingsOf(TestDatabase kind) {
        return new ConfiguredDataSource.DatabaseSettings(
                kind == TestDatabase.H2 ? "jdbc:h2:file:/tmp/x" : "jdbc:postgresql://localhost/x", "", "",
                java.time.Duration.ofSeconds(3));
    }

    private static DataSource migrated(TestDatabase kind) {
        DataSource dataSource = kind.create();
        SchemaMigration.flyway(dataSource).migrate();
        return dataSource;
    }

    private static void insertAccount(DataSource dataSource, String id, String username) throws SQLException {
        execute(dataSource, "INSERT INTO accounts (id, username, username_key, email, email_key, display_name,"
                + " password_hash, created_at) VALUES ('" + id + "', '" + username + "', '" + username + "', '"
                + username + "@example.com', '" + username + "@example.com', '" + username + "', 'x', CURRENT_TIMESTAMP)");
    }

    private static String insertApplication(DataSource dataSource, String owner, String name) throws SQLException {
        String id = UUID.randomUUID().toString();
        execute(dataSource, "INSERT INTO applications (id, owner_id, name, name_key, created_at, updated_at) VALUES ('"
                + id + "', '" + owner + "', '" + name + "', '" + name.strip().toLowerCase() + "', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
        return id;
    }

    private static String insertApi(DataSource dataSource, String context, String version) throws SQLException {
        String id = UUID.randomUUID().toString();
        execute(dataSource, "INSERT INTO apis (id, name, context, api_version, openapi_document, created_at, updated_at)"
                + " VALUES ('" + id + "', '" + context + "', '" + context + "', '" + version + "', '{}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
        return id;
    }

    private static void insertSubscription(DataSource dataSource, String application, String api) throws SQLException {
        execute(dataSource, "INSERT INTO subscriptions (id, application_id, api_id, plan_id, status, created_at, updated_at)"
                + " VALUES ('" + UUID.randomUUID() + "', '" + application + "', '" + api + "', '" + BRONZE
                + "', 'ACTIVE', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
    }

    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long count(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
