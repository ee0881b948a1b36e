package dev.baton.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Does one piece of work on the store's connection while the store's lock is held.
 *
 * @param <T> what the work returns
 */
@FunctionalInterface
interface SqlWork<T> {

    /** Runs the work; any {@link SQLException} becomes a {@link StoreException} naming the file. */
    T run(Connection connection) throws SQLException;
}
