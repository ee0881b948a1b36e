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
 * Each concern (embeddings, responses; later traces, eval results, training runs) adds its
 * own tables in its own migration.
 */
final class Schema {

    /** Migration {@code i} takes the schema from version {@code i} to {@code i + 1}. */
    private static final List<List<String>> MIGRATIONS = List.of(
            EmbeddingCache.CREATE_TABLES,
            ResponseCache.CREATE_TABLES,
            TraceTable.CREATE_TABLES);

    /** The schema version this code reads and writes. */
    static final int CURRENT_VERSION = MIGRATIONS.size();

    private Schema() {
    }

    /**
     * Brings the schema up to {@link #CURRENT_VERSION}, all in one transaction.
     *
     * @throws StoreException if the file was written by a newer Baton with a schema this code does not know
     */
    static void migrate(Connection connection, String location) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
            int version = readVersion(statement);
            if (version > CURRENT_VERSION) {
                throw new StoreException(location + ": the store's schema version is " + version
                        + " but this Baton only knows versions up to " + CURRENT_VERSION
                        + "; it was written by a newer Baton");
            }
            for (int next = version; next < CURRENT_VERSION; next++) {
                for (String sql : MIGRATIONS.get(next)) {
                    statement.execute(sql);
                }
            }
            if (version < CURRENT_VERSION) {
                statement.execute("DELETE FROM schema_version");
                statement.execute("INSERT INTO schema_version (version) VALUES (" + CURRENT_VERSION + ")");
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** Reads the recorded version; a fresh file has none, which counts as version 0. */
    static int readVersion(Statement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery("SELECT MAX(version) FROM schema_version")) {
            return row.next() ? row.getInt(1) : 0;
        }
    }
}
