package dev.baton.server;

import dev.baton.store.StoredTrace;
import dev.baton.store.TraceStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps traces off the request path: {@link #put} queues a trace and returns, one writer thread hands the queue to the
 * store in order. A request's trace is readable at once all the same — {@link #get} finds it among the queued ones,
 * and {@link #recent} waits for the queue to drain first. Beyond {@value #MAX_QUEUED} queued traces a put writes itself,
 * so a store slower than the requests slows them down rather than filling the heap. Closing drains the queue.
 *
 * <p>The writer commits in groups: each time it wakes it takes every trace queued meanwhile (up to {@value #MAX_BATCH})
 * and writes them in one transaction, so under load the store pays one commit per batch, not one per request. A
 * process killed without closing (kill -9) loses what was still queued: at most the traces of the last moments,
 * normally the one batch being written.
 *
 * <p>Why: every request used to write its trace (one transaction on the store's single connection, under its lock)
 * before it was answered, so concurrent requests queued on that lock.
 */
final class QueuedTraceStore implements TraceStore, AutoCloseable {

    static final int MAX_QUEUED = 10_000;
    /** Most traces in one transaction: enough to keep up with any request rate, small enough to commit in milliseconds. */
    static final int MAX_BATCH = 500;

    private final TraceStore store;
    private final LinkedBlockingQueue<StoredTrace> queue = new LinkedBlockingQueue<>();
    private final Map<String, StoredTrace> queued = new ConcurrentHashMap<>();
    private final AtomicLong failures = new AtomicLong();
    private final Object drained = new Object();
    private final Thread writer;
    private volatile boolean closing;

    QueuedTraceStore(TraceStore store) {
        this.store = store;
        this.writer = Thread.ofPlatform().daemon().name("baton-trace-writer").start(this::write);
    }

    @Override
    public void put(StoredTrace trace) {
        if (closing || queued.size() >= MAX_QUEUED) {
            store.put(trace);
            return;
        }
        queued.put(trace.id(), trace);
        queue.add(trace);
    }

    @Override
    public Optional<StoredTrace> get(String id) {
        StoredTrace waiting = queued.get(id);
        return waiting != null ? Optional.of(waiting) : store.get(id);
    }

    @Override
    public List<StoredTrace> recent(int limit) {
        awaitDrained();
        return store.recent(limit);
    }

    /** Returns how many traces the store refused (each is lost; the request it belongs to was answered). */
    long failures() {
        return failures.get();
    }

    private void write() {
        List<StoredTrace> batch = new ArrayList<>(MAX_BATCH);
        while (true) {
            StoredTrace first;
            try {
                first = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                first = null;
            }
            if (first == null) {
                synchronized (drained) {
                    drained.notifyAll();
                }
                if (closing && queue.isEmpty()) {
                    return;
                }
                continue;
            }
            batch.add(first);
            queue.drainTo(batch, MAX_BATCH - 1);
            write(batch);
            batch.forEach(trace -> queued.remove(trace.id()));
            batch.clear();
            if (queue.isEmpty()) {
                synchronized (drained) {
                    drained.notifyAll();
                }
            }
        }
    }

    /** Writes a batch in one transaction; when the store refuses it, trace by trace, so one bad trace costs only itself. */
    private void write(List<StoredTrace> batch) {
        try {
            store.putAll(batch);
            return;
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                failures.incrementAndGet();
                return;
            }
        }
        for (StoredTrace trace : batch) {
            try {
                store.put(trace);
            } catch (RuntimeException e) {
                failures.incrementAndGet();
            }
        }
    }

    private void awaitDrained() {
        synchronized (drained) {
            while (!queued.isEmpty() && writer.isAlive()) {
                try {
                    drained.wait(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Writes what is queued, then stops the writer. */
    @Override
    public void close() {
        closing = true;
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
