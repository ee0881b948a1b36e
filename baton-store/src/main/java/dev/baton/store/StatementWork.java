package dev.baton.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Does one piece of work with a statement the store prepared: binds its parameters, runs it, reads (and closes) what it
 * returns. The statement is the store's: the work must not close it.
 *
 * @param <T> what the work returns
 */
@FunctionalInterface
interface StatementWork<T> {

    /** Runs the work; any {@link SQLException} becomes a {@link StoreException} naming the store. */
    T run(PreparedStatement statement) throws SQLException;
}
