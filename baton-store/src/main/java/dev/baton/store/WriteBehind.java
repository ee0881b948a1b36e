package dev.baton.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Writes a server's records off its request path: {@link #offer} queues one and returns, and one writer thread hands
 * whatever was queued meanwhile (up to {@value #MAX_BATCH}) to the store as one batch, every {@code FLUSH_INTERVAL}
 * (20 ms) or as soon as {@value #PROMPT_WRITE} records are waiting, so under load the store pays one commit per batch,
 * not one per request. Until it is written a record is found by its key ({@link #pending}). Beyond
 * {@value #MAX_QUEUED} queued records, or once closing, {@link #offer} refuses and the caller writes for itself, so a
 * store slower than the requests slows them down rather than filling the heap. Closing writes what is queued; a process
 * killed without closing (kill -9) loses what was still queued: the last 20 ms of records, and the batch being written.
 *
 * <p>Why: each request used to write its records (one transaction on the store's single connection, under its lock)
 * before it was answered, so concurrent requests queued on that lock. Then each offer woke the writer, which went to
 * commit on the other core while the request was still writing its reply; now a request wakes nobody unless a batch
 * is full.
 *
 * @param <K> a record's key
 * @param <V> a record
 */
public final class WriteBehind<K, V> implements AutoCloseable {

    /** Most records queued at once. */
    public static final int MAX_QUEUED = 10_000;
    /** Most records in one batch: enough to keep up with any request rate, small enough to commit in milliseconds. */
    public static final int MAX_BATCH = 500;

    /** Records waiting that wake the writer at once rather than at its next flush. */
    public static final int PROMPT_WRITE = MAX_BATCH / 2;
    /** How often the writer looks for records to write. */
    static final Duration FLUSH_INTERVAL = Duration.ofMillis(20);

    private final long flushNanos;
    private final Function<V, K> key;
    private final Consumer<List<V>> writeAll;
    private final Consumer<V> writeOne;
    private final Consumer<RuntimeException> refused;
    private final LinkedBlockingQueue<V> queue = new LinkedBlockingQueue<>();
    private final Map<K, V> queued = new ConcurrentHashMap<>();
    private final AtomicLong failures = new AtomicLong();
    private final Object drained = new Object();
    private final Thread writer;
    private volatile boolean closing;

    /**
     * Starts the writer thread.
     *
     * @param name     the writer thread's name, as thread dumps show it
     * @param key      a record's key
     * @param writeAll writes a batch, all or none
     * @param writeOne writes one record: how a batch the store refused is written again, one record at a time
     * @param refused  hears, on the writer thread, why the store refused a record (which is then lost); must not throw
     */
    public WriteBehind(String name, Function<V, K> key, Consumer<List<V>> writeAll, Consumer<V> writeOne,
                       Consumer<RuntimeException> refused) {
        this(name, key, writeAll, writeOne, refused, FLUSH_INTERVAL);
    }

    WriteBehind(String name, Function<V, K> key, Consumer<List<V>> writeAll, Consumer<V> writeOne,
                Consumer<RuntimeException> refused, Duration flushInterval) {
        this.flushNanos = flushInterval.toNanos();
        this.key = Objects.requireNonNull(key, "key");
        this.writeAll = Objects.requireNonNull(writeAll, "writeAll");
        this.writeOne = Objects.requireNonNull(writeOne, "writeOne");
        this.refused = Objects.requireNonNull(refused, "refused");
        this.writer = Thread.ofPlatform().daemon().name(name).start(this::write);
    }

    /** Queues {@code record}; returns false, queuing nothing, when the queue is full or closing: then the caller writes it. */
    public boolean offer(V record) {
        if (closing || queued.size() >= MAX_QUEUED) {
            return false;
        }
        queued.put(key.apply(record), record);
        queue.add(record);
        if (queue.size() >= PROMPT_WRITE) {
            LockSupport.unpark(writer);
        }
        return true;
    }

    /** Returns the record queued under {@code key} and not yet written, if any. */
    public Optional<V> pending(K key) {
        return Optional.ofNullable(queued.get(key));
    }

    /** Waits until everything queued so far is written (or the writer has stopped). */
    public void awaitWritten() {
        synchronized (drained) {
            while (!queued.isEmpty() && writer.isAlive()) {
                LockSupport.unpark(writer);
                try {
                    drained.wait(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Returns how many records the store refused (each is lost; the request it belongs to was answered). */
    public long failures() {
        return failures.get();
    }

    private void write() {
        List<V> batch = new ArrayList<>(MAX_BATCH);
        while (true) {
            if (queue.size() < PROMPT_WRITE && !closing) {
                LockSupport.parkNanos(this, flushNanos); // woken early by a full batch, a wait or a close
                Thread.interrupted(); // nothing interrupts a write; a stray interrupt must not make every park return at once
            }
            boolean closed = closing; // read before the queue: whatever was offered before the close is in it by now
            if (queue.drainTo(batch, MAX_BATCH) > 0) {
                write(batch);
                batch.forEach(record -> queued.remove(key.apply(record), record));
                batch.clear();
            }
            if (queue.isEmpty()) {
                signalDrained();
                if (closed) {
                    return;
                }
            }
        }
    }

    /** Writes a batch; when the store refuses it, record by record, so one bad record costs only itself. */
    private void write(List<V> batch) {
        try {
            writeAll.accept(batch);
            return;
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                lost(e);
                return;
            }
        }
        for (V record : batch) {
            try {
                writeOne.accept(record);
            } catch (RuntimeException e) {
                lost(e);
            }
        }
    }

    private void lost(RuntimeException e) {
        failures.incrementAndGet();
        refused.accept(e);
    }

    private void signalDrained() {
        synchronized (drained) {
            drained.notifyAll();
        }
    }

    /** Writes what is queued, then stops the writer. */
    @Override
    public void close() {
        closing = true;
        LockSupport.unpark(writer);
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
