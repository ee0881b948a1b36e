package dev.baton.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One SQLite connection serving every thread, guarded by a lock. SQLite serialises writers anyway, and the store's
 * work items are short (a batch of 2,000 embeddings is milliseconds), so a pool would only add lock contention inside
 * SQLite.
 */
final class SqliteDatabase implements Database {

    private final String location;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private boolean closed;

    SqliteDatabase(String location, Connection connection) {
        this.location = location;
        this.connection = connection;
    }

    @Override
    public <T> T read(SqlWork<T> work) {
        lock.lock();
        try {
            ensureOpen();
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException(describe(location, e), e);
        } finally {
            lock.unlock();
        }
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
        try {
            if (!closed) {
                closed = true;
                connection.close();
            }
        } catch (SQLException e) {
            throw new StoreException(describe(location, e), e);
        } finally {
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
