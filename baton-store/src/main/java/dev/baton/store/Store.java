package dev.baton.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * Owns Baton's single local database: one SQLite file holding every cached or recorded thing
 * (embeddings, worker replies and the traces of served requests now; later eval results and training runs), each concern in its
 * own tables behind its own small class.
 *
 * <p>One connection serves every thread, guarded by a lock. SQLite serialises writers anyway, and the
 * store's work items are short (a batch of 2,000 embeddings is milliseconds), so a pool would only add
 * lock contention inside SQLite. Several processes may share the file: WAL mode lets readers run
 * beside a writer, and the busy timeout makes a second writer wait instead of failing.
 */
public final class Store implements AutoCloseable {

    /** How long a write waits for another process's write to finish before giving up. */
    private static final int BUSY_TIMEOUT_MILLIS = 10_000;

    private final String location;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private final EmbeddingCache embeddings;
    private final ResponseCache responses;
    private final TraceTable traces;
    private boolean closed;

    private Store(String location, Connection connection) {
        this.location = location;
        this.connection = connection;
        this.embeddings = new EmbeddingCache(this);
        this.responses = new ResponseCache(this, Clock.systemUTC());
        this.traces = new TraceTable(this);
    }

    /**
     * Opens the store in a file, creating the file, its parent directories and the schema as needed.
     *
     * @throws StoreException if the file is not a SQLite database, was written by a newer Baton,
     *     or cannot be created
     */
    public static Store open(Path file) {
        String location = file.toAbsolutePath().toString();
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new StoreException(location + ": cannot create the store's directory: " + e.getMessage(), e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // NORMAL is durable across application crashes in WAL mode; only a power cut may lose the last commits.
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.enforceForeignKeys(true);
        return connect(location, "jdbc:sqlite:" + location, config);
    }

    /** Opens a private in-memory store, gone when closed; for tests and throwaway runs. */
    public static Store inMemory() {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        return connect(":memory:", "jdbc:sqlite::memory:", config);
    }

    private static Store connect(String location, String url, SQLiteConfig config) {
        Connection connection;
        try {
            connection = DriverManager.getConnection(url, config.toProperties());
        } catch (SQLException e) {
            throw new StoreException(describe(location, e), e);
        }
        try {
            checkIsDatabase(connection);
            Schema.migrate(connection, location);
            return new Store(location, connection);
        } catch (SQLException | RuntimeException e) {
            try {
                connection.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            if (e instanceof StoreException storeException) {
                throw storeException;
            }
            throw new StoreException(describe(location, e), e);
        }
    }

    /** Reads the schema so that a file that is not a database fails here, with a clear message, not at first use. */
    private static void checkIsDatabase(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT COUNT(*) FROM sqlite_schema").close();
        }
    }

    private static String describe(String location, Exception e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("SQLITE_NOTADB") || message.contains("not a database")) {
            return location + ": not a Baton store (the file is not a SQLite database)";
        }
        return location + ": " + message;
    }

    /** Returns the cache of question embeddings kept in this store. */
    public EmbeddingCache embeddings() {
        return embeddings;
    }

    /** Returns the cache of worker replies kept in this store. */
    public ResponseCache responses() {
        return responses;
    }

    /** Returns the traces of the requests a server answered, kept in this store. */
    public TraceStore traces() {
        return traces;
    }

    /** Returns where the store lives: the absolute file path, or {@code :memory:}. */
    public String location() {
        return location;
    }

    /** Runs work on the connection under the store's lock, outside any transaction. */
    <T> T read(SqlWork<T> work) {
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

    /** Runs work in one transaction under the store's lock: all of it is committed or none. */
    <T> T inTransaction(SqlWork<T> work) {
        lock.lock();
        try {
            ensureOpen();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException(describe(location, e), e);
        } finally {
            lock.unlock();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new StoreException(location + ": the store is closed");
        }
    }

    /** Closes the connection; closing twice does nothing. */
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
}
