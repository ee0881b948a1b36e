package dev.baton.store;

/**
 * Runs the store's SQL on one database: an embedded SQLite file ({@link SqliteDatabase}) or a PostgreSQL server
 * ({@link PostgresDatabase}). The tables ({@link TraceTable}, {@link ResponseCacheTable}, {@link EmbeddingCache}) are
 * written once against this and run unchanged on either; what differs (connections, DDL) stays in the implementations
 * and in {@link Schema}.
 */
interface Database extends AutoCloseable {

    /** Runs work on a connection, outside any transaction. */
    <T> T read(SqlWork<T> work);

    /**
     * Runs work with {@code sql} prepared on a connection, outside any transaction. The database may keep the statement
     * prepared for the next call with the same {@code sql} (SQLite does, on its one reading connection: preparing cost a
     * server's cache lookup as much as running it); the work leaves no parameter bound that it relies on later.
     */
    <T> T query(String sql, StatementWork<T> work);

    /** Runs work in one transaction: all of it is committed or none. */
    <T> T inTransaction(SqlWork<T> work);

    /** Returns where the database lives, fit to print: a file path, {@code :memory:}, or a URL without its password. */
    String location();

    /** Closes the connections; closing twice does nothing. */
    @Override
    void close();
}
