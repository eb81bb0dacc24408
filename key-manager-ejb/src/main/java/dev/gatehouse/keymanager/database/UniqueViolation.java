package dev.gatehouse.keymanager.database;

import java.sql.SQLException;

/** Whether a failed write broke a unique constraint (SQLSTATE 23505 on H2 and PostgreSQL alike). */
public final class UniqueViolation {

    private UniqueViolation() {
    }

    public static boolean causes(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
