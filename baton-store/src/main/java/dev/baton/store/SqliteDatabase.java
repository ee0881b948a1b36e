package dev.baton.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One SQLite connection writing for every thread, guarded by a lock. SQLite serialises writers anyway, and the store's
 * work items are short (a batch of 2,000 embeddings is milliseconds), so a pool would only add lock contention inside
 * SQLite. A file in WAL mode also has a read-only connection of its own, under a lock of its own: a read sees the last
 * commit and never waits for a write in progress (a server's cache lookups used to queue behind each batch of traces
 * and replies being written). The reading connection keeps the statements {@link #query} runs prepared.
 */
final class SqliteDatabase implements Database {

    private final String location;
    private final Connection connection;
    private final Connection reader;
    private final ReentrantLock lock = new ReentrantLock();
    private final ReentrantLock readLock;
    /** The reading connection's statements, kept prepared; used and changed only under the read lock. */
    private final Map<String, PreparedStatement> prepared = new HashMap<>();
    private volatile boolean closed;

    /** Reads and writes through one connection (an in-memory database, which a second connection would not see). */
    SqliteDatabase(String location, Connection connection) {
        this(location, connection, connection);
    }

    SqliteDatabase(String location, Connection connection, Connection reader) {
        this.location = location;
        this.connection = connection;
        this.reader = reader;
        this.readLock = reader == connection ? lock : new ReentrantLock();
    }

    @Override
    public <T> T read(SqlWork<T> work) {
        readLock.lock();
        try {
            ensureOpen();
            return work.run(reader);
        } catch (SQLException e) {
            throw new StoreException(describe(location, e), e);
        } finally {
            readLock.unlock();
        }
    }

    @Override
    public <T> T query(String sql, StatementWork<T> work) {
        return read(connection -> {
            PreparedStatement statement = prepared.get(sql);
            if (statement == null) {
                statement = connection.prepareStatement(sql);
                prepared.put(sql, statement);
            }
            try {
                return work.run(statement);
            } finally {
                // Closes a result the work left open, which would keep its read transaction: no checkpoint could
                // shrink the log behind it. The statement stays open.
                statement.getMoreResults();
                statement.clearParameters();
            }
        });
    }

    @Override
    public <T> T inTransaction(SqlWork<T> work) {
        lock.lock();
        try {
            ensureOpen();
            return Transactions.run(connection, work);
        } catch (SQLException e) {
            throw new StoreException(describe(location, e), e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String location() {
        return location;
    }

    private void ensureOpen() {
        if (closed) {
            throw new StoreException(location + ": the store is closed");
        }
    }

    @Override
    public void close() {
        lock.lock();
        readLock.lock();
        try {
            if (!closed) {
                closed = true;
                for (PreparedStatement statement : prepared.values()) {
                    statement.close();
                }
                if (reader != connection) {
                    reader.close();
                }
                connection.close();
            }
        } catch (SQLException e) {
            throw new StoreException(describe(location, e), e);
        } finally {
            readLock.unlock();
            lock.unlock();
        }
    }

    static String describe(String location, Exception e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("SQLITE_NOTADB") || message.contains("not a database")) {
            return location + ": not a Baton store (the file is not a SQLite database)";
        }
        return location + ": " + message;
    }
}
