package dev.baton.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link TraceStore} of either database: one row per request in {@code traces}. The most recent come first; traces
 * created in the same millisecond come newest-inserted first, by SQLite's {@code rowid} or PostgreSQL's {@code seq}.
 */
final class TraceTable implements TraceStore {

    /** The table and index in SQLite; run once, as schema migration 3. */
    static final List<String> CREATE_TABLES = List.of(
            """
            CREATE TABLE traces (
                id            TEXT PRIMARY KEY,
                created_at_ms INTEGER NOT NULL,
                model         TEXT NOT NULL,
                question      TEXT NOT NULL,
                answer        TEXT,
                calls         INTEGER NOT NULL CHECK (calls >= 0),
                cost_usd      REAL NOT NULL CHECK (cost_usd >= 0),
                latency_ms    INTEGER NOT NULL CHECK (latency_ms >= 0),
                trace_json    TEXT NOT NULL
            )""",
            "CREATE INDEX traces_by_created ON traces (created_at_ms DESC)");

    /** The same in PostgreSQL, with an identity column for the insertion order SQLite's rowid gives; migration 3. */
    static final List<String> CREATE_TABLES_POSTGRES = List.of(
            """
            CREATE TABLE traces (
                id            TEXT PRIMARY KEY,
                created_at_ms BIGINT NOT NULL,
                model         TEXT NOT NULL,
                question      TEXT NOT NULL,
                answer        TEXT,
                calls         INTEGER NOT NULL CHECK (calls >= 0),
                cost_usd      DOUBLE PRECISION NOT NULL CHECK (cost_usd >= 0),
                latency_ms    BIGINT NOT NULL CHECK (latency_ms >= 0),
                trace_json    TEXT NOT NULL,
                seq           BIGINT GENERATED ALWAYS AS IDENTITY
            )""",
            "CREATE INDEX traces_by_created ON traces (created_at_ms DESC, seq DESC)");

    private static final String COLUMNS =
            "id, created_at_ms, model, question, answer, calls, cost_usd, latency_ms, trace_json";

    private final Database database;
    private final String insertionOrder;

    /**
     * @param insertionOrder the column that grows with each row inserted: {@code rowid} in SQLite, {@code seq} in
     *     PostgreSQL
     */
    TraceTable(Database database, String insertionOrder) {
        this.database = database;
        this.insertionOrder = insertionOrder;
    }

    @Override
    public void put(StoredTrace trace) {
        putAll(List.of(Objects.requireNonNull(trace, "trace")));
    }

    @Override
    public void putAll(List<StoredTrace> traces) {
        List<StoredTrace> batch = List.copyOf(traces);
        if (batch.isEmpty()) {
            return;
        }
        database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "INSERT INTO traces (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (StoredTrace trace : batch) {
                    statement.setString(1, trace.id());
                    statement.setLong(2, trace.created().toEpochMilli());
                    statement.setString(3, trace.model());
                    statement.setString(4, trace.question());
                    statement.setString(5, trace.answer().orElse(null));
                    statement.setInt(6, trace.calls());
                    statement.setDouble(7, trace.costUsd());
                    statement.setLong(8, Math.max(0, trace.latency().toMillis()));
                    statement.setString(9, trace.traceJson());
                    statement.addBatch();
                }
                return statement.executeBatch().length;
            }
        });
    }

    @Override
    public Optional<StoredTrace> get(String id) {
        Objects.requireNonNull(id, "id");
        return database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM traces WHERE id = ?")) {
                query.setString(1, id);
                try (ResultSet row = query.executeQuery()) {
                    return row.next() ? Optional.of(read(row)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<StoredTrace> recent(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        return database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM traces ORDER BY created_at_ms DESC, " + insertionOrder + " DESC LIMIT ?")) {
                query.setInt(1, limit);
                try (ResultSet row = query.executeQuery()) {
                    List<StoredTrace> traces = new ArrayList<>();
                    while (row.next()) {
                        traces.add(read(row));
                    }
                    return traces;
                }
            }
        });
    }

    private static StoredTrace read(ResultSet row) throws SQLException {
        return new StoredTrace(row.getString(1), Instant.ofEpochMilli(row.getLong(2)), row.getString(3), row.getString(4),
                Optional.ofNullable(row.getString(5)), row.getInt(6), row.getDouble(7), Duration.ofMillis(row.getLong(8)),
                row.getString(9));
    }
}
