package dev.gatehouse.keymanager.database;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.Session;

/**
 * EclipseLink, on a lost connection, waits 5 s and runs the query again, up to three times: with the database
 * restarting, a request would hang 10 s or more before failing. The pool already hands out only validated
 * connections, so a failure here means the database is away: answered at once (503, see
 * {@link DatabaseUnavailable}) and retried by the client when it chooses.
 */
public class NoQueryRetry implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        session.getLogin().setQueryRetryAttemptCount(0);
    }
}
