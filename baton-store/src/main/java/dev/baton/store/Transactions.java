package dev.baton.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Runs work in one transaction on a connection both databases use the same way. */
final class Transactions {

    private Transactions() {
    }

    /** Runs work with auto-commit off, commits it, or rolls it back on any failure; auto-commit is on again after. */
    static <T> T run(Connection connection, SqlWork<T> work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }
}
