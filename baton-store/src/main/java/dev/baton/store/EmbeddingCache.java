package dev.baton.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Caches text embeddings per encoder, keyed by the encoder's id and the SHA-256 of the text.
 *
 * <p>Each encoder's dimension is recorded with its first vector; a vector of another dimension is
 * rejected, because it means the encoder changed without changing its id and every cached vector
 * for that id is now suspect.
 */
public final class EmbeddingCache {

    /** The tables this cache owns; run once, as one schema migration. */
    static final List<String> CREATE_TABLES = List.of(
            """
            CREATE TABLE embedding_encoder (
                encoder_id TEXT PRIMARY KEY,
                dimension  INTEGER NOT NULL CHECK (dimension > 0)
            )""",
            """
            CREATE TABLE embedding (
                encoder_id  TEXT NOT NULL REFERENCES embedding_encoder (encoder_id),
                text_sha256 BLOB NOT NULL,
                vector      BLOB NOT NULL,
                PRIMARY KEY (encoder_id, text_sha256)
            ) WITHOUT ROWID""");

    /** Keeps each lookup well under SQLite's limit on bound parameters (32,766 since 3.32). */
    private static final int LOOKUP_CHUNK = 500;

    private static final HexFormat HEX = HexFormat.of();

    private final Database store;

    EmbeddingCache(Database store) {
        this.store = store;
    }

    /** Returns the cached vector for a text, if any. */
    public Optional<float[]> get(String encoderId, String text) {
        Objects.requireNonNull(text, "text");
        return Optional.ofNullable(getAll(encoderId, List.of(text)).get(text));
    }

    /**
     * Returns the cached vectors for those of the texts that have one, keyed by text; texts without
     * one are absent from the map.
     */
    public Map<String, float[]> getAll(String encoderId, Collection<String> texts) {
        Objects.requireNonNull(encoderId, "encoderId");
        Map<String, String> textByDigest = new LinkedHashMap<>();
        for (String text : texts) {
            textByDigest.put(HEX.formatHex(TextDigest.of(Objects.requireNonNull(text, "text"))), text);
        }
        if (textByDigest.isEmpty()) {
            return Map.of();
        }
        List<String> digests = new ArrayList<>(textByDigest.keySet());
        return store.read(connection -> {
            Map<String, float[]> found = new LinkedHashMap<>();
            for (int from = 0; from < digests.size(); from += LOOKUP_CHUNK) {
                List<String> chunk = digests.subList(from, Math.min(from + LOOKUP_CHUNK, digests.size()));
                lookUp(connection, encoderId, chunk, textByDigest, found);
            }
            return found;
        });
    }

    private static void lookUp(Connection connection, String encoderId, List<String> digests,
                               Map<String, String> textByDigest, Map<String, float[]> found) throws SQLException {
        String placeholders = String.join(",", Collections.nCopies(digests.size(), "?"));
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT text_sha256, vector FROM embedding WHERE encoder_id = ? AND text_sha256 IN (" + placeholders + ")")) {
            query.setString(1, encoderId);
            for (int i = 0; i < digests.size(); i++) {
                query.setBytes(i + 2, HEX.parseHex(digests.get(i)));
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.put(textByDigest.get(HEX.formatHex(rows.getBytes(1))), Float32Blob.unpack(rows.getBytes(2)));
                }
            }
        }
    }

    /**
     * Caches one vector, replacing any cached for the same text.
     *
     * @throws IllegalArgumentException if the vector's dimension differs from the one recorded for the encoder
     */
    public void put(String encoderId, String text, float[] vector) {
        putAll(encoderId, Map.of(text, vector));
    }

    /**
     * Caches many vectors in one transaction: all are written or, on any error, none.
     *
     * @throws IllegalArgumentException if the vectors' dimensions differ from each other or from the
     *     one recorded for the encoder
     */
    public void putAll(String encoderId, Map<String, float[]> vectorsByText) {
        Objects.requireNonNull(encoderId, "encoderId");
        if (vectorsByText.isEmpty()) {
            return;
        }
        int dimension = commonDimension(encoderId, vectorsByText.values());
        store.inTransaction(connection -> {
            recordDimension(connection, encoderId, dimension);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT OR REPLACE INTO embedding (encoder_id, text_sha256, vector) VALUES (?, ?, ?)")) {
                for (Map.Entry<String, float[]> entry : vectorsByText.entrySet()) {
                    insert.setString(1, encoderId);
                    insert.setBytes(2, TextDigest.of(Objects.requireNonNull(entry.getKey(), "text")));
                    insert.setBytes(3, Float32Blob.pack(entry.getValue()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    /** Returns the dimension recorded for an encoder, if it has cached anything. */
    public OptionalInt dimension(String encoderId) {
        return store.read(connection -> recordedDimension(connection, encoderId));
    }

    /** Returns how many vectors are cached for an encoder. */
    public int count(String encoderId) {
        return store.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT COUNT(*) FROM embedding WHERE encoder_id = ?")) {
                query.setString(1, encoderId);
                try (ResultSet row = query.executeQuery()) {
                    return row.next() ? row.getInt(1) : 0;
                }
            }
        });
    }

    private static int commonDimension(String encoderId, Collection<float[]> vectors) {
        int[] dimensions = vectors.stream()
                .mapToInt(vector -> Objects.requireNonNull(vector, "vector").length)
                .distinct()
                .toArray();
        if (dimensions.length != 1) {
            throw new IllegalArgumentException("vectors for encoder '" + encoderId
                    + "' must all have one dimension, got " + Arrays.toString(dimensions));
        }
        if (dimensions[0] == 0) {
            throw new IllegalArgumentException("vectors for encoder '" + encoderId + "' must not be empty");
        }
        return dimensions[0];
    }

    /** Records the encoder's dimension on first use, and afterwards checks that it is unchanged. */
    private static void recordDimension(Connection connection, String encoderId, int dimension) throws SQLException {
        OptionalInt recorded = recordedDimension(connection, encoderId);
        if (recorded.isEmpty()) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO embedding_encoder (encoder_id, dimension) VALUES (?, ?)")) {
                insert.setString(1, encoderId);
                insert.setInt(2, dimension);
                insert.executeUpdate();
            }
        } else if (recorded.getAsInt() != dimension) {
            throw new IllegalArgumentException("encoder '" + encoderId + "' has " + recorded.getAsInt()
                    + "-dimensional vectors in the store, refusing one of dimension " + dimension
                    + " (did the encoder change without changing its id?)");
        }
    }

    private static OptionalInt recordedDimension(Connection connection, String encoderId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT dimension FROM embedding_encoder WHERE encoder_id = ?")) {
            query.setString(1, encoderId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? OptionalInt.of(row.getInt(1)) : OptionalInt.empty();
            }
        }
    }
}
