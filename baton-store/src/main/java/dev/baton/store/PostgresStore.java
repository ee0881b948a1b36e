package dev.baton.store;

import java.time.Clock;
import java.util.Optional;

/**
 * The shared {@link StoreBackend}: traces and cached replies in a PostgreSQL database that several servers use at
 * once, so any replica behind a load balancer serves any trace and reuses any cached reply.
 *
 * <p>Question embeddings stay in each process, in a private in-memory SQLite store: they are derived from the
 * question alone, cheap to compute again, and no replica needs another's, so the shared database holds only what
 * replicas must share.
 */
final class PostgresStore implements StoreBackend {

    private final PostgresDatabase database;
    private final Store local;
    private final TraceStore traces;
    private final ResponseCache responses;
    private final RecordingSpend recordingSpend;

    private PostgresStore(PostgresDatabase database, Store local) {
        this.database = database;
        this.local = local;
        this.traces = new TraceTable(database, "seq");
        this.responses = new ResponseCacheTable(database, Clock.systemUTC());
        this.recordingSpend = new RecordingSpendTable(database, Clock.systemUTC());
    }

    /**
     * Connects to the database at {@code url} and brings its schema up to date.
     *
     * @throws StoreException when it cannot connect, or the schema is newer than this Baton knows
     */
    static PostgresStore open(String url, Optional<String> password) {
        PostgresDatabase database = PostgresDatabase.connect(url, password);
        try {
            database.read(connection -> {
                Schema.POSTGRES.migrate(connection, database.location());
                return null;
            });
            return new PostgresStore(database, Store.inMemory());
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** Does nothing more than opening did: PostgreSQL keeps its own pages whole (and checks them, with checksums on). */
    @Override
    public void checkIntegrity() {
        local.checkIntegrity();
    }

    @Override
    public TraceStore traces() {
        return traces;
    }

    @Override
    public ResponseCache responses() {
        return responses;
    }

    @Override
    public RecordingSpend recordingSpend() {
        return recordingSpend;
    }

    /** Returns this process's own cache of embeddings, not shared with other replicas. */
    @Override
    public EmbeddingCache embeddings() {
        return local.embeddings();
    }

    /** Returns the database's URL, with any password in it blanked. */
    @Override
    public String location() {
        return database.location();
    }

    @Override
    public void close() {
        try {
            database.close();
        } finally {
            local.close();
        }
    }
}
