package dev.baton.store;

import dev.baton.worker.CallRequest;
import dev.baton.worker.Reply;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@link ResponseCache} of either database: one row per reply in {@code response_cache}. Both write with the
 * upsert both SQLite (3.24 on) and PostgreSQL speak, {@code INSERT ... ON CONFLICT}, so replicas racing on one key
 * never fail: PostgreSQL makes the second wait for the first's row, then skip or overwrite it.
 */
final class ResponseCacheTable implements ResponseCache {

    /** The table in SQLite; run once, as schema migration 2. */
    static final List<String> CREATE_TABLES = List.of(
            """
            CREATE TABLE response_cache (
                key_sha256    BLOB PRIMARY KEY,
                model         TEXT NOT NULL,
                reply_text    TEXT NOT NULL,
                input_tokens  INTEGER NOT NULL CHECK (input_tokens >= 0),
                output_tokens INTEGER NOT NULL CHECK (output_tokens >= 0),
                cost_usd      REAL NOT NULL CHECK (cost_usd >= 0),
                created_at_ms INTEGER NOT NULL
            ) WITHOUT ROWID""");

    /** The same table in PostgreSQL (SQLite's INTEGER is 64 bits, PostgreSQL's is 32); schema migration 2. */
    static final List<String> CREATE_TABLES_POSTGRES = List.of(
            """
            CREATE TABLE response_cache (
                key_sha256    BYTEA PRIMARY KEY,
                model         TEXT NOT NULL,
                reply_text    TEXT NOT NULL,
                input_tokens  BIGINT NOT NULL CHECK (input_tokens >= 0),
                output_tokens BIGINT NOT NULL CHECK (output_tokens >= 0),
                cost_usd      DOUBLE PRECISION NOT NULL CHECK (cost_usd >= 0),
                created_at_ms BIGINT NOT NULL
            )""");

    /**
     * Marks replies whose provider reported no usage, their tokens estimated from characters; run once, as schema
     * migration 4. Rows cached before it were all reported, so the column defaults to false.
     */
    static final List<String> ADD_USAGE_ESTIMATED = List.of(
            "ALTER TABLE response_cache ADD COLUMN usage_estimated INTEGER NOT NULL DEFAULT 0");

    /** The same column in PostgreSQL; schema migration 4. */
    static final List<String> ADD_USAGE_ESTIMATED_POSTGRES = List.of(
            "ALTER TABLE response_cache ADD COLUMN usage_estimated BOOLEAN NOT NULL DEFAULT FALSE");

    private static final String INSERT = "INSERT INTO response_cache"
            + " (key_sha256, model, reply_text, input_tokens, output_tokens, cost_usd, created_at_ms, usage_estimated)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key_sha256) ";
    private static final String KEEP_FIRST = INSERT + "DO NOTHING";
    private static final String REPLACE = INSERT + "DO UPDATE SET model = excluded.model, reply_text = excluded.reply_text,"
            + " input_tokens = excluded.input_tokens, output_tokens = excluded.output_tokens,"
            + " cost_usd = excluded.cost_usd, created_at_ms = excluded.created_at_ms,"
            + " usage_estimated = excluded.usage_estimated";

    private static final String LOOK_UP = "SELECT reply_text, input_tokens, output_tokens, cost_usd, created_at_ms,"
            + " usage_estimated FROM response_cache WHERE key_sha256 = ?";

    private final Database database;
    private final Clock clock;

    ResponseCacheTable(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public Optional<CachedResponse> get(String model, CallRequest request) {
        return get(ResponseKey.of(Objects.requireNonNull(model, "model"), request));
    }

    /** Returns the reply cached under {@code key}, a {@link ResponseKey}. */
    Optional<CachedResponse> get(byte[] key) {
        return database.query(LOOK_UP, query -> {
            query.setBytes(1, key);
            try (ResultSet row = query.executeQuery()) {
                return row.next()
                        ? Optional.of(new CachedResponse(row.getString(1), row.getLong(2), row.getLong(3), row.getDouble(4),
                                Instant.ofEpochMilli(row.getLong(5)), row.getBoolean(6)))
                        : Optional.empty();
            }
        });
    }

    @Override
    public boolean put(String model, CallRequest request, Reply reply) {
        return write(KEEP_FIRST, model, request, reply);
    }

    @Override
    public void putAll(List<Entry> entries) {
        putAll(entries, entry -> ResponseKey.of(entry.model(), entry.request()), entry -> entry);
    }

    /**
     * Caches the entry of every item under the key computed for it before ({@link ResponseKey}), each unless a reply
     * is cached for it already, in one transaction.
     */
    <T> void putAll(List<T> items, Function<T, byte[]> key, Function<T, Entry> entry) {
        long now = clock.millis();
        database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(KEEP_FIRST)) {
                for (T item : items) {
                    Entry kept = entry.apply(item);
                    bind(statement, key.apply(item), kept.model(), kept.reply(), now);
                    statement.addBatch();
                }
                statement.executeBatch();
                return null;
            }
        });
    }

    @Override
    public void replace(String model, CallRequest request, Reply reply) {
        write(REPLACE, model, request, reply);
    }

    @Override
    public int count() {
        return database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM response_cache");
                 ResultSet row = query.executeQuery()) {
                return row.next() ? row.getInt(1) : 0;
            }
        });
    }

    private boolean write(String sql, String model, CallRequest request, Reply reply) {
        Objects.requireNonNull(reply, "reply");
        byte[] key = ResponseKey.of(Objects.requireNonNull(model, "model"), request);
        long now = clock.millis();
        return database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(statement, key, model, reply, now);
                return statement.executeUpdate() > 0;
            }
        });
    }

    private static void bind(PreparedStatement statement, byte[] key, String model, Reply reply, long now) throws SQLException {
        statement.setBytes(1, key);
        statement.setString(2, model);
        statement.setString(3, reply.text());
        statement.setLong(4, reply.inputTokens());
        statement.setLong(5, reply.outputTokens());
        statement.setDouble(6, reply.costUsd());
        statement.setLong(7, now);
        statement.setBoolean(8, reply.usageEstimated());
    }
}
