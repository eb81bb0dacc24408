package dev.gatehouse.keymanager.database;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Whether a failure means the database cannot be reached now (stopped, restarting, unreachable, out of
 * connections), rather than a fault in what was asked of it: the answer is then "try again shortly" (503), not a
 * server error.
 */
public final class DatabaseUnavailable {

    private DatabaseUnavailable() {
    }

    public static boolean causes(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    // 08: connection exception; 57P01-57P03: PostgreSQL shutting down or starting up
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            // the application server's pool could not hand out a connection
            if (t.getClass().getName().equals("jakarta.resource.spi.ResourceAllocationException")
                    || t.getClass().getName().equals("jakarta.resource.ResourceException")) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getNextException() != null && causes(sql.getNextException())) {
                return true;
            }
        }
        return false;
    }
}
