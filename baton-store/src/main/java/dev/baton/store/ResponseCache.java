package dev.baton.store;

import dev.baton.worker.CallRequest;
import dev.baton.worker.Reply;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Caches worker replies by content: the key is the SHA-256 of the model that answers, the call options and the
 * messages (see {@link ResponseKey}), so two workers with the same {@link dev.baton.worker.WorkerCard#model()} share
 * replies, and the store never needs the prompt text to find one.
 *
 * <p>Each write is one statement in one transaction, so a crash leaves every reply either fully cached or absent. The
 * first reply cached for a key stays: {@link #put} of a second is ignored, so two identical calls racing each other
 * leave one row; {@link #replace} overwrites on purpose.
 */
public final class ResponseCache {

    /** The table this cache owns; run once, as one schema migration. */
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

    private final Store store;
    private final Clock clock;

    ResponseCache(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Returns the reply cached for asking {@code model} for {@code request}, if any. */
    public Optional<CachedResponse> get(String model, CallRequest request) {
        byte[] key = ResponseKey.of(Objects.requireNonNull(model, "model"), request);
        return store.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT reply_text, input_tokens, output_tokens, cost_usd, created_at_ms FROM response_cache WHERE key_sha256 = ?")) {
                query.setBytes(1, key);
                try (ResultSet row = query.executeQuery()) {
                    return row.next()
                            ? Optional.of(new CachedResponse(row.getString(1), row.getLong(2), row.getLong(3), row.getDouble(4),
                                    Instant.ofEpochMilli(row.getLong(5))))
                            : Optional.empty();
                }
            }
        });
    }

    /** Caches {@code reply} unless a reply is already cached for the call; returns whether it was written. */
    public boolean put(String model, CallRequest request, Reply reply) {
        return write("INSERT OR IGNORE", model, request, reply);
    }

    /** Caches {@code reply}, replacing any reply cached for the call. */
    public void replace(String model, CallRequest request, Reply reply) {
        write("INSERT OR REPLACE", model, request, reply);
    }

    /** Returns how many replies are cached. */
    public int count() {
        return store.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM response_cache");
                 ResultSet row = query.executeQuery()) {
                return row.next() ? row.getInt(1) : 0;
            }
        });
    }

    private boolean write(String insert, String model, CallRequest request, Reply reply) {
        Objects.requireNonNull(reply, "reply");
        byte[] key = ResponseKey.of(Objects.requireNonNull(model, "model"), request);
        long now = clock.millis();
        return store.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(insert + " INTO response_cache"
                    + " (key_sha256, model, reply_text, input_tokens, output_tokens, cost_usd, created_at_ms)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                statement.setBytes(1, key);
                statement.setString(2, model);
                statement.setString(3, reply.text());
                statement.setLong(4, reply.inputTokens());
                statement.setLong(5, reply.outputTokens());
                statement.setDouble(6, reply.costUsd());
                statement.setLong(7, now);
                return statement.executeUpdate() > 0;
            }
        });
    }
}
