package dev.baton.server;

import dev.baton.store.StoredTrace;
import dev.baton.store.TraceStore;
import dev.baton.store.WriteBehind;
import java.util.List;
import java.util.Optional;

/**
 * Keeps traces off the request path ({@link WriteBehind}): {@link #put} queues a trace and returns, one writer thread
 * hands the queue to the store in order, committing whatever was queued meanwhile in one transaction. A request's trace
 * is readable at once all the same — {@link #get} finds it among the queued ones, and {@link #recent} waits for the
 * queue to drain first. When the queue is full a put writes itself. Closing drains the queue; a process killed without
 * closing (kill -9) loses what was still queued: at most the traces of the last moments, normally one batch.
 */
final class QueuedTraceStore implements TraceStore, AutoCloseable {

    private final TraceStore store;
    private final WriteBehind<String, StoredTrace> writes;

    QueuedTraceStore(TraceStore store) {
        this.store = store;
        this.writes = new WriteBehind<>("baton-trace-writer", StoredTrace::id, store::putAll, store::put,
                refused -> { }); // counted in failures(), which the server's metrics export
    }

    @Override
    public void put(StoredTrace trace) {
        if (!writes.offer(trace)) {
            store.put(trace);
        }
    }

    @Override
    public Optional<StoredTrace> get(String id) {
        return writes.pending(id).or(() -> store.get(id));
    }

    @Override
    public List<StoredTrace> recent(int limit) {
        writes.awaitWritten();
        return store.recent(limit);
    }

    /** Returns how many traces the store refused (each is lost; the request it belongs to was answered). */
    long failures() {
        return writes.failures();
    }

    /** Writes what is queued, then stops the writer. */
    @Override
    public void close() {
        writes.close();
    }
}
