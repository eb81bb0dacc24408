package dev.gatehouse.keymanager.database;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The physical connection factory behind the container's pool ({@link SchemaMigration} declares the pool).
 *
 * <p>It reads the database coordinates from MicroProfile Config, so that one set of keys
 * ({@code gatehouse.db.url}, {@code .user}, {@code .password}, or their {@code GATEHOUSE_DB_*} environment
 * variables) switches the product between the embedded H2 file database and PostgreSQL on any server, without
 * server-specific placeholders in {@code @DataSourceDefinition}. The JDBC driver is the one on the class path
 * that accepts the URL.
 */
public class ConfiguredDataSource implements DataSource {

    /** Set once this application's schema is migrated; until then a failed connection is a failed start. */
    private static volatile boolean started;

    private volatile PrintWriter logWriter;
    private volatile int loginTimeoutSeconds;
    private volatile String dataSourceName = "gatehouse";

    @Override
    public Connection getConnection() throws SQLException {
        DatabaseSettings settings = DatabaseSettings.from(config());
        Properties properties = new Properties();
        if (!settings.user().isEmpty()) {
            properties.setProperty("user", settings.user());
            properties.setProperty("password", settings.password());
        }
        if (settings.url().startsWith("jdbc:postgresql:")) {
            // a server that is stopping may accept a connection and never answer: bounded, so that no request
            // waits on it longer than this (the driver's default is 10 s); parameters in the URL still win
            String seconds = Long.toString(Math.max(1, settings.connectTimeout().toSeconds()));
            properties.setProperty("connectTimeout", seconds);
            properties.setProperty("loginTimeout", seconds);
        }
        try {
            Connection connection = driverFor(settings.url()).connect(settings.url(), properties);
            if (connection == null) {
                throw new SQLException("No JDBC driver accepts " + settings.url());
            }
            return connection;
        } catch (SQLException e) {
            if (!started) {
                // the JPA provider may be the first to connect, before the migration can say what is wrong
                StartupFailure.exitIfConfigured(MigrationFailure.describe(
                        new org.flywaydb.core.api.FlywayException(e.getMessage(), e), settings));
            }
            throw e;
        }
    }

    /** The standard {@code dataSourceName} property; it names the pool, the coordinates come from configuration. */
    public String getDataSourceName() {
        return dataSourceName;
    }

    public void setDataSourceName(String dataSourceName) {
        this.dataSourceName = dataSourceName;
    }

    static void started() {
        started = true;
    }

    /** The pool may pass the credentials of its own definition; ours come from configuration. */
    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    private Config config() {
        return ConfigProvider.getConfig(ConfiguredDataSource.class.getClassLoader());
    }

    private static Driver driverFor(String url) throws SQLException {
        for (Driver driver : ServiceLoader.load(Driver.class, ConfiguredDataSource.class.getClassLoader())) {
            if (driver.acceptsURL(url)) {
                return driver;
            }
        }
        return DriverManager.getDriver(url);
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeoutSeconds = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeoutSeconds;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("Not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }

    /** The database coordinates, with the embedded H2 file database under {@code gatehouse.data} as the default. */
    public record DatabaseSettings(String url, String user, String password, Duration connectTimeout) {

        static final String DEFAULT_DATA_DIRECTORY = "./data";

        public static DatabaseSettings from(Config config) {
            String url = config.getOptionalValue("gatehouse.db.url", String.class)
                    .orElseGet(() -> embeddedUrl(config.getOptionalValue("gatehouse.data", String.class)
                            .orElse(DEFAULT_DATA_DIRECTORY)));
            String user = config.getOptionalValue("gatehouse.db.user", String.class).orElse("");
            String password = config.getOptionalValue("gatehouse.db.password", String.class).orElse("");
            Duration connectTimeout = config.getOptionalValue("gatehouse.db.connect-timeout", String.class)
                    .map(Duration::parse).orElse(Duration.ofSeconds(3));
            return new DatabaseSettings(url, user, password, connectTimeout);
        }

        /** H2 wants an absolute (or explicitly relative) path; the working directory is resolved once, here. */
        static String embeddedUrl(String dataDirectory) {
            Path file = Path.of(dataDirectory).toAbsolutePath().normalize().resolve("gatehouse");
            return "jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE";
        }

        /** The URL without credentials or parameters, safe for a log line. */
        public String describe() {
            int parameters = url.indexOf(url.startsWith("jdbc:h2:") ? ';' : '?');
            return parameters < 0 ? url : url.substring(0, parameters);
        }

        @Override
        public String toString() {
            return "DatabaseSettings[" + describe() + ", user=" + user + "]";
        }
    }
}
