package dev.baton.server;

import dev.baton.store.StoredTrace;
import dev.baton.store.TraceStore;
import dev.baton.store.WriteBehind;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Keeps traces off the request path ({@link WriteBehind}): {@link #put} queues a trace and returns, one writer thread
 * hands the queue to the store in order, committing whatever was queued meanwhile in one transaction. A request's trace
 * is readable at once all the same — {@link #get} finds it among the queued ones, and {@link #recent} waits for the
 * queue to drain first. When the queue is full a put writes itself. Closing drains the queue; a process killed without
 * closing (kill -9) loses what was still queued: at most the traces of the last moments, normally one batch.
 *
 * <p>A trace may also be queued before it is built ({@link #put(String, Supplier)}): its JSON, a twentieth of a
 * gateway request's CPU, is then written on the writer's thread, off the request's path, or by the first reader that
 * asks for it sooner.
 */
final class QueuedTraceStore implements TraceStore, AutoCloseable {

    private final TraceStore store;
    private final WriteBehind<String, Pending> writes;

    QueuedTraceStore(TraceStore store) {
        this.store = store;
        this.writes = new WriteBehind<>("baton-trace-writer", Pending::id,
                batch -> store.putAll(batch.stream().map(Pending::trace).toList()),
                pending -> store.put(pending.trace()),
                refused -> { }); // counted in failures(), which the server's metrics export
    }

    @Override
    public void put(StoredTrace trace) {
        put(trace.id(), () -> trace);
    }

    /** Queues the trace {@code build} makes, under {@code id}: built once, when it is written or first read. */
    void put(String id, Supplier<StoredTrace> build) {
        Pending pending = new Pending(id, build);
        if (!writes.offer(pending)) {
            store.put(pending.trace());
        }
    }

    @Override
    public Optional<StoredTrace> get(String id) {
        return writes.pending(id).map(Pending::trace).or(() -> store.get(id));
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

    /** A trace queued under its id, built by the first thread that needs it. */
    private static final class Pending {

        private final String id;
        private Supplier<StoredTrace> build;
        private StoredTrace trace;

        Pending(String id, Supplier<StoredTrace> build) {
            this.id = Objects.requireNonNull(id, "id");
            this.build = Objects.requireNonNull(build, "build");
        }

        String id() {
            return id;
        }

        synchronized StoredTrace trace() {
            if (trace == null) {
                trace = build.get();
                build = null;
                if (!trace.id().equals(id)) {
                    throw new IllegalStateException("trace " + trace.id() + " was queued as " + id);
                }
            }
            return trace;
        }
    }
}
