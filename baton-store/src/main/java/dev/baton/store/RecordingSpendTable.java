package dev.baton.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * The {@link RecordingSpend} of either database: one row per recording in {@code recording_spend}, changed only by
 * adding to its columns in one upsert both SQLite (3.24 on) and PostgreSQL speak, so concurrent holds and settlements
 * never lose one another's amounts.
 */
final class RecordingSpendTable implements RecordingSpend {

    /** The table in SQLite; schema migration 4. */
    static final List<String> CREATE_TABLES = List.of(
            """
            CREATE TABLE recording_spend (
                recording     TEXT PRIMARY KEY,
                spent_usd     REAL NOT NULL,
                held_usd      REAL NOT NULL,
                updated_at_ms INTEGER NOT NULL
            )""");

    /** The same table in PostgreSQL; schema migration 4. */
    static final List<String> CREATE_TABLES_POSTGRES = List.of(
            """
            CREATE TABLE recording_spend (
                recording     TEXT PRIMARY KEY,
                spent_usd     DOUBLE PRECISION NOT NULL,
                held_usd      DOUBLE PRECISION NOT NULL,
                updated_at_ms BIGINT NOT NULL
            )""");

    private static final String ADD = "INSERT INTO recording_spend (recording, spent_usd, held_usd, updated_at_ms)"
            + " VALUES (?, ?, ?, ?) ON CONFLICT (recording) DO UPDATE SET"
            + " spent_usd = recording_spend.spent_usd + excluded.spent_usd,"
            + " held_usd = recording_spend.held_usd + excluded.held_usd, updated_at_ms = excluded.updated_at_ms";

    private final Database database;
    private final Clock clock;

    RecordingSpendTable(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public Balance balance(String recording) {
        Objects.requireNonNull(recording, "recording");
        return database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT spent_usd, held_usd FROM recording_spend WHERE recording = ?")) {
                query.setString(1, recording);
                try (ResultSet row = query.executeQuery()) {
                    return row.next() ? balance(row) : Balance.NONE;
                }
            }
        });
    }

    @Override
    public Balance resume(String recording) {
        Objects.requireNonNull(recording, "recording");
        return database.inTransaction(connection -> {
            Balance before;
            // FOR UPDATE would be PostgreSQL only; the recording's lock already keeps a second run away.
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT spent_usd, held_usd FROM recording_spend WHERE recording = ?")) {
                query.setString(1, recording);
                try (ResultSet row = query.executeQuery()) {
                    before = row.next() ? balance(row) : Balance.NONE;
                }
            }
            add(connection, recording, before.heldUsd(), -before.heldUsd());
            return before;
        });
    }

    @Override
    public void hold(String recording, double usd) {
        checkAmount(usd);
        database.inTransaction(connection -> add(connection, recording, 0, usd));
    }

    @Override
    public void settle(String recording, double heldUsd, double spentUsd) {
        checkAmount(heldUsd);
        checkAmount(spentUsd);
        database.inTransaction(connection -> add(connection, recording, spentUsd, -heldUsd));
    }

    private Void add(java.sql.Connection connection, String recording, double spentUsd, double heldUsd) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(ADD)) {
            statement.setString(1, Objects.requireNonNull(recording, "recording"));
            statement.setDouble(2, spentUsd);
            statement.setDouble(3, heldUsd);
            statement.setLong(4, clock.millis());
            statement.executeUpdate();
            return null;
        }
    }

    /** Reads a row; floating-point sums of holds and releases may leave a residue just below zero, which is none. */
    private static Balance balance(ResultSet row) throws SQLException {
        return new Balance(Math.max(0, row.getDouble(1)), Math.max(0, row.getDouble(2)));
    }

    private static void checkAmount(double usd) {
        if (!(usd >= 0) || Double.isInfinite(usd)) {
            throw new IllegalArgumentException("an amount of USD is finite and not negative: " + usd);
        }
    }
}
