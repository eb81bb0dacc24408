package dev.gatehouse.keymanager.database;

import jakarta.resource.ResourceException;
import jakarta.transaction.SystemException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.transaction.xa.XAException;

/**
 * Whether a failure means the database cannot be reached now (stopped, restarting, unreachable, out of
 * connections, or gone in the middle of a commit), rather than a fault in what was asked of it: the answer is then
 * "try again shortly" (503), not a server error. A commit whose connection died may or may not have been applied;
 * a client that retries a create meets the first one as a conflict.
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
            // the server's pool could not hand out a connection, or the transaction manager lost it mid-commit
            if (t instanceof ResourceException || t instanceof XAException || t instanceof SystemException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getNextException() != null && causes(sql.getNextException())) {
                return true;
            }
        }
        return false;
    }
}
