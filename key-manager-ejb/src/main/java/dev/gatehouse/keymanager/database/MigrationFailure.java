package dev.gatehouse.keymanager.database;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.flywaydb.core.internal.exception.FlywayMigrateException;

/** Turns a failed start-up migration into the one line an operator needs: what is wrong and how to fix it. */
final class MigrationFailure {

    private static final int MAX_DETAIL = 600;

    private MigrationFailure() {
    }

    static String describe(FlywayException failure, ConfiguredDataSource.DatabaseSettings settings) {
        if (failure instanceof FlywayValidateException) {
            return "GH-DB-002 The schema in " + settings.describe() + " does not match this build's migrations: "
                    + detail(failure) + " Released migrations are never edited or inserted before applied ones;"
                    + " add a new V<n>__<what>.sql instead.";
        }
        if (failure instanceof FlywayMigrateException) {
            return "GH-DB-003 A migration failed on " + settings.describe() + ": " + detail(failure)
                    + (settings.url().startsWith("jdbc:postgresql:")
                            ? " PostgreSQL rolled the migration back; fix it and start again."
                            : " Fix the migration, restore the data directory from the backup taken before"
                                    + " migrating, and start again.");
        }
        SQLException sql = rootSqlException(failure);
        if (sql != null || failure.getMessage() != null && failure.getMessage().contains("obtain connection")) {
            String reason = sql != null ? oneLine(sql.getMessage()) : detail(failure);
            return "GH-DB-001 Cannot use the database at " + settings.describe() + ": " + reason
                    + " Check that it is running and check GATEHOUSE_DB_URL, GATEHOUSE_DB_USER and"
                    + " GATEHOUSE_DB_PASSWORD.";
        }
        return "GH-DB-009 Schema migration failed on " + settings.describe() + ": " + detail(failure);
    }

    private static SQLException rootSqlException(Throwable failure) {
        SQLException found = null;
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                found = sql;
            }
        }
        return found;
    }

    private static String detail(Throwable failure) {
        String detail = oneLine(failure.getMessage());
        return detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) + "..." : detail;
    }

    private static String oneLine(String message) {
        if (message == null) {
            return "(no detail)";
        }
        return Arrays.stream(message.split("\\R"))
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.chars().allMatch(c -> c == '-'))
                .collect(Collectors.joining(" | "));
    }
}
