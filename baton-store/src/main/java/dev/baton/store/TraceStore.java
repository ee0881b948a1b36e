package dev.baton.store;

import java.util.List;
import java.util.Optional;

/**
 * Keeps the trace of every request a server answered, so a client can look one up by the id it was given.
 *
 * <p>{@link StoreBackend#traces()} keeps them in the SQLite file, or in a PostgreSQL database that several servers
 * share, so that any of them serves a trace another wrote. Implementations are safe to use from many threads at once.
 */
public interface TraceStore {

    /**
     * Keeps a trace.
     *
     * @throws StoreException when it cannot be written, or a trace with the same id is already kept
     */
    void put(StoredTrace trace);

    /**
     * Keeps several traces, all or none: the store's own implementations write them in one transaction, so a server
     * that answered many requests since its last write pays for one commit, not one each.
     *
     * @throws StoreException when one cannot be written (then none is kept)
     */
    default void putAll(List<StoredTrace> traces) {
        traces.forEach(this::put);
    }

    /** Returns the trace with this id, or empty when none is kept. */
    Optional<StoredTrace> get(String id);

    /** Returns the {@code limit} most recent traces, newest first. */
    List<StoredTrace> recent(int limit);
}
