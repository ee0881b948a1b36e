package dev.baton.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * Owns Baton's embedded store, the default {@link StoreBackend}: one SQLite file holding every cached or recorded
 * thing (embeddings, worker replies and the traces of served requests now; later eval results and training runs),
 * each concern in its own tables behind its own small class.
 *
 * <p>One connection serves every thread, guarded by a lock (see {@link SqliteDatabase}). Several processes may share
 * the file: WAL mode lets readers run beside a writer, and the busy timeout makes a second writer wait instead of
 * failing. Servers on several machines share a PostgreSQL store instead.
 */
public final class Store implements StoreBackend {

    /** How long a write waits for another process's write to finish before giving up. */
    private static final int BUSY_TIMEOUT_MILLIS = 10_000;

    /** The most problems a failed check names. */
    private static final int PROBLEMS_SHOWN = 3;

    private final SqliteDatabase database;
    private final EmbeddingCache embeddings;
    private final ResponseCache responses;
    private final TraceTable traces;
    private final RecordingSpend recordingSpend;

    private Store(SqliteDatabase database) {
        this.database = database;
        this.embeddings = new EmbeddingCache(database);
        this.responses = new ResponseCacheTable(database, Clock.systemUTC());
        this.traces = new TraceTable(database, "rowid");
        this.recordingSpend = new RecordingSpendTable(database, Clock.systemUTC());
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
        return connect(location, "jdbc:sqlite:" + location, config, true);
    }

    /** A read-only connection to a file the writer has opened and migrated (in WAL mode, so it reads beside a write). */
    private static Connection reader(String url) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        return DriverManager.getConnection(url, config.toProperties());
    }

    /** Opens a private in-memory store, gone when closed; for tests and throwaway runs. */
    public static Store inMemory() {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        return connect(":memory:", "jdbc:sqlite::memory:", config, false);
    }

    private static Store connect(String location, String url, SQLiteConfig config, boolean separateReader) {
        Connection connection;
        try {
            connection = DriverManager.getConnection(url, config.toProperties());
        } catch (SQLException e) {
            throw new StoreException(SqliteDatabase.describe(location, e), e);
        }
        try {
            checkIsDatabase(connection);
            Schema.SQLITE.migrate(connection, location);
            return new Store(separateReader ? new SqliteDatabase(location, connection, reader(url))
                    : new SqliteDatabase(location, connection));
        } catch (SQLException | RuntimeException e) {
            try {
                connection.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            if (e instanceof StoreException storeException) {
                throw storeException;
            }
            throw new StoreException(SqliteDatabase.describe(location, e), e);
        }
    }

    /** Reads the schema so that a file that is not a database fails here, with a clear message, not at first use. */
    private static void checkIsDatabase(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT COUNT(*) FROM sqlite_schema").close();
        }
    }

    /** Runs {@code PRAGMA quick_check}: every page is read and its structure checked (indexes are not compared). */
    @Override
    public void checkIntegrity() {
        List<String> problems = database.read(connection -> {
            List<String> found = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("PRAGMA quick_check(" + PROBLEMS_SHOWN + ")")) {
                while (rows.next()) {
                    found.add(rows.getString(1).replaceAll("\\s+", " ").strip());
                }
            } catch (SQLException e) {
                // A page too damaged to walk fails the check itself (SQLITE_CORRUPT) instead of reporting it.
                found.add(String.valueOf(e.getMessage()));
            }
            return found;
        });
        if (!problems.equals(List.of("ok"))) {
            throw new StoreException(location() + ": the store is damaged (PRAGMA quick_check: "
                    + String.join("; ", problems) + "); restore it from a copy, or move it aside and Baton starts "
                    + "a new one");
        }
    }

    @Override
    public EmbeddingCache embeddings() {
        return embeddings;
    }

    @Override
    public ResponseCache responses() {
        return responses;
    }

    @Override
    public RecordingSpend recordingSpend() {
        return recordingSpend;
    }

    @Override
    public TraceStore traces() {
        return traces;
    }

    /** Returns where the store lives: the absolute file path, or {@code :memory:}. */
    @Override
    public String location() {
        return database.location();
    }

    /** Closes the connection; closing twice does nothing. */
    @Override
    public void close() {
        database.close();
    }
}
