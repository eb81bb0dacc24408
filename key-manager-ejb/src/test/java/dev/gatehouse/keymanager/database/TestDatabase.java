package dev.gatehouse.keymanager.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** A fresh, empty database of one of the two kinds the product supports, for data-layer tests. */
public enum TestDatabase {
    H2 {
        @Override
        public DataSource create() {
            try {
                Path directory = Files.createTempDirectory("gatehouse-h2");
                var dataSource = new JdbcDataSource();
                dataSource.setURL(ConfiguredDataSource.DatabaseSettings.embeddedUrl(directory.toString()));
                return dataSource;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    },
    POSTGRESQL {
        @Override
        public DataSource create() {
            String database = "gh_" + UUID.randomUUID().toString().replace("-", "");
            DataSource admin = server().getPostgresDatabase();
            try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + database);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return server().getDatabase("postgres", database);
        }
    };

    private static EmbeddedPostgres postgres;

    /** One real PostgreSQL server per test JVM; each test gets its own database in it. */
    private static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is ending; the server's files are temporary
                }
            }));
        }
        return postgres;
    }

    public abstract DataSource create();
}
