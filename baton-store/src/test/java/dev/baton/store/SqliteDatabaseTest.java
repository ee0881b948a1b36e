package dev.baton.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteDatabaseTest {

    private static final String SQUARE_OR_NULL = "SELECT ? * ?";

    @TempDir
    Path dir;

    @Test
    void aQueryKeepsItsStatementPreparedAndForgetsItsParameters() throws SQLException {
        String url = "jdbc:sqlite:" + dir.resolve("baton.db");
        try (SqliteDatabase database = new SqliteDatabase("baton.db", DriverManager.getConnection(url),
                DriverManager.getConnection(url))) {
            List<PreparedStatement> statements = new ArrayList<>();
            Long nine = database.query(SQUARE_OR_NULL, statement -> {
                statements.add(statement);
                statement.setLong(1, 3);
                statement.setLong(2, 3);
                return firstLong(statement);
            });
            Long unbound = database.query(SQUARE_OR_NULL, statement -> {
                statements.add(statement);
                return firstLong(statement);
            });

            assertThat(nine).isEqualTo(9L);
            assertThat(unbound).as("the parameters bound by the query before are cleared").isNull();
            assertThat(statements.get(1)).as("prepared once").isSameAs(statements.get(0));
        }
    }

    @Test
    void aStatementKeptPreparedHoldsNoReadTransactionOpen() throws SQLException {
        // A read left open would pin the write-ahead log: no checkpoint could finish, and the file would only grow.
        String url = "jdbc:sqlite:" + dir.resolve("baton.db");
        try (Connection writer = DriverManager.getConnection(url);
             SqliteDatabase database = new SqliteDatabase("baton.db", writer, DriverManager.getConnection(url))) {
            try (Statement setUp = writer.createStatement()) {
                setUp.execute("PRAGMA journal_mode=WAL");
                setUp.execute("CREATE TABLE t (n INTEGER)");
                setUp.execute("INSERT INTO t VALUES (1), (2), (3)");
            }
            // The work reads the first row and leaves the rest, its result unclosed: the database closes it.
            Long first = database.query("SELECT n FROM t ORDER BY n", statement -> {
                ResultSet rows = statement.executeQuery();
                rows.next();
                return rows.getLong(1);
            });

            try (Statement checkpoint = writer.createStatement();
                 ResultSet result = checkpoint.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
                result.next();
                assertThat(first).isEqualTo(1L);
                assertThat(result.getInt(1)).as("the checkpoint was not blocked by a reader").isZero();
            }
        }
    }

    @Test
    void aClosedDatabaseRefusesQueries() throws SQLException {
        String url = "jdbc:sqlite:" + dir.resolve("baton.db");
        SqliteDatabase database = new SqliteDatabase("baton.db", DriverManager.getConnection(url), DriverManager.getConnection(url));
        database.query(SQUARE_OR_NULL, SqliteDatabaseTest::firstLong);
        database.close();

        assertThatThrownBy(() -> database.query(SQUARE_OR_NULL, SqliteDatabaseTest::firstLong))
                .isInstanceOf(StoreException.class).hasMessageContaining("closed");
    }

    private static Long firstLong(PreparedStatement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery()) {
            row.next();
            long value = row.getLong(1);
            return row.wasNull() ? null : value;
        }
    }
}
