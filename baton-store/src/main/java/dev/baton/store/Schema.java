package dev.baton.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Creates and upgrades the store's tables, one numbered migration at a time, and records the
 * version reached in {@code schema_version}.
 *
 * <p>Migrations are append-only: a released migration is never edited, a change is a new one.
 * Each concern (embeddings, responses, traces, recordings' spending; later eval results, training runs) adds its
 * own tables in its own migration. Both databases count versions the same way: migration {@code i}
 * is the same change in SQLite's and PostgreSQL's dialects, so a version number means the same
 * tables wherever the store lives.
 *
 * @param migrations       migration {@code i} takes the schema from version {@code i} to {@code i + 1}
 * @param beforeMigrating  statements run first, in the migration's transaction (a lock, where replicas may race)
 */
record Schema(List<List<String>> migrations, List<String> beforeMigrating) {

    /** The embedded store's schema. */
    static final Schema SQLITE = new Schema(List.of(
            EmbeddingCache.CREATE_TABLES,
            ResponseCacheTable.CREATE_TABLES,
            TraceTable.CREATE_TABLES,
            RecordingSpendTable.CREATE_TABLES,
            ResponseCacheTable.ADD_USAGE_ESTIMATED), List.of());

    /**
     * The shared store's schema. Embeddings stay in each process (see {@link PostgresStore}), so version 1 adds
     * nothing here. Replicas starting together each try to migrate; a transaction-scoped advisory lock (the key is
     * arbitrary, fixed for Baton) makes the second wait and then find the schema current.
     */
    static final Schema POSTGRES = new Schema(List.of(
            List.of(),
            ResponseCacheTable.CREATE_TABLES_POSTGRES,
            TraceTable.CREATE_TABLES_POSTGRES,
            RecordingSpendTable.CREATE_TABLES_POSTGRES,
            ResponseCacheTable.ADD_USAGE_ESTIMATED_POSTGRES), List.of("SELECT pg_advisory_xact_lock(4206117001)"));

    /** The schema version this code reads and writes. */
    static final int CURRENT_VERSION = 5;

    Schema {
        migrations = List.copyOf(migrations);
        beforeMigrating = List.copyOf(beforeMigrating);
        if (migrations.size() != CURRENT_VERSION) {
            throw new IllegalArgumentException("a schema needs one migration per version up to " + CURRENT_VERSION
                    + ", got " + migrations.size());
        }
    }

    /**
     * Brings the schema up to {@link #CURRENT_VERSION}, all in one transaction.
     *
     * @throws StoreException if the database was written by a newer Baton with a schema this code does not know
     */
    void migrate(Connection connection, String location) throws SQLException {
        Transactions.run(connection, c -> {
            try (Statement statement = c.createStatement()) {
                for (String sql : beforeMigrating) {
                    statement.execute(sql);
                }
                statement.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
                int version = readVersion(statement);
                if (version > CURRENT_VERSION) {
                    throw new StoreException(location + ": the store's schema version is " + version
                            + " but this Baton only knows versions up to " + CURRENT_VERSION
                            + "; it was written by a newer Baton");
                }
                for (int next = version; next < CURRENT_VERSION; next++) {
                    for (String sql : migrations.get(next)) {
                        statement.execute(sql);
                    }
                }
                if (version < CURRENT_VERSION) {
                    statement.execute("DELETE FROM schema_version");
                    statement.execute("INSERT INTO schema_version (version) VALUES (" + CURRENT_VERSION + ")");
                }
                return version;
            }
        });
    }

    /** Reads the recorded version; a fresh database has none, which counts as version 0. */
    static int readVersion(Statement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery("SELECT MAX(version) FROM schema_version")) {
            return row.next() ? row.getInt(1) : 0;
        }
    }
}
