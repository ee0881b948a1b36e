package dev.baton.server;

import dev.baton.store.StoredTrace;
import dev.baton.store.TraceStore;
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
 * <p>Why: every request used to write its trace (one transaction on the store's single connection, under its lock)
 * before it was answered, so concurrent requests queued on that lock.
 */
final class QueuedTraceStore implements TraceStore, AutoCloseable {

    static final int MAX_QUEUED = 10_000;

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
        while (true) {
            StoredTrace trace;
            try {
                trace = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                trace = null;
            }
            if (trace == null) {
                synchronized (drained) {
                    drained.notifyAll();
                }
                if (closing && queue.isEmpty()) {
                    return;
                }
                continue;
            }
            try {
                store.put(trace);
            } catch (RuntimeException e) {
                failures.incrementAndGet();
            } finally {
                queued.remove(trace.id());
            }
            if (queue.isEmpty()) {
                synchronized (drained) {
                    drained.notifyAll();
                }
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
