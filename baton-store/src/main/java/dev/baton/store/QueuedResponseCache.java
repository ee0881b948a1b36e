package dev.baton.store;

import dev.baton.worker.CallRequest;
import dev.baton.worker.Reply;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A response cache for a server: replies are cached off the request path ({@link WriteBehind}), whatever was cached
 * meanwhile written in one transaction, and found at once all the same — {@link #get} looks among the queued ones
 * before the store. Under load every miss used to write its reply in a transaction of its own on the store's one
 * connection, under its lock, before the request was answered: with the cache on, a server at 64 clients answered a
 * quarter of the requests it answered with the cache off.
 *
 * <p>{@link #put} keeps the first reply for a call, as the store does: a second put of a queued call returns false.
 * {@link #replace} and {@link #count} wait for the queue to be written first. Closing writes what is queued; a process
 * killed without closing (kill -9) loses the replies still queued (normally one batch), which are then paid again.
 */
public final class QueuedResponseCache implements ResponseCache, AutoCloseable {

    private final ResponseCache store;
    private final Clock clock;
    private final WriteBehind<ByteBuffer, Queued> writes;
    /**
     * Looks a call up in the store by the key already computed for the queue, where the store can ({@link
     * ResponseCacheTable}, the stores' own): a key is a canonical JSON of the call and its SHA-256, and a lookup that
     * missed used to compute it three times on the request's path.
     */
    private final Lookup lookup;

    /**
     * Wraps {@code store}; close it before the store. A reply the store refuses to keep, later on the writer's thread, is
     * told to {@code failures} as a failed write, as the cache interceptor tells the ones it sees.
     */
    public QueuedResponseCache(ResponseCache store, ResponseCacheInterceptor.Listener failures) {
        this(store, failures, Clock.systemUTC());
    }

    QueuedResponseCache(ResponseCache store, ResponseCacheInterceptor.Listener failures, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.lookup = store instanceof ResponseCacheTable table
                ? (key, model, request) -> table.get(key.array())
                : (key, model, request) -> store.get(model, request);
        this.writes = new WriteBehind<>("baton-cache-writer", Queued::key,
                store instanceof ResponseCacheTable table
                        ? batch -> table.putAll(batch, queued -> queued.key().array(), Queued::entry)
                        : batch -> store.putAll(batch.stream().map(Queued::entry).toList()),
                queued -> store.put(queued.entry().model(), queued.entry().request(), queued.entry().reply()),
                refused -> failures.failed(ResponseCacheInterceptor.Operation.WRITE, refused instanceof StoreException known
                        ? known : new StoreException(String.valueOf(refused.getMessage()), refused)));
    }

    @Override
    public Optional<CachedResponse> get(String model, CallRequest request) {
        ByteBuffer key = key(model, request);
        return writes.pending(key).map(Queued::cached).or(() -> lookup.get(key, model, request));
    }

    @Override
    public boolean put(String model, CallRequest request, Reply reply) {
        Queued queued = new Queued(key(model, request), new Entry(model, request, reply), clock.instant());
        if (writes.pending(queued.key()).isPresent()) {
            return false;
        }
        return writes.offer(queued) || store.put(model, request, reply);
    }

    @Override
    public void putAll(List<Entry> entries) {
        entries.forEach(entry -> put(entry.model(), entry.request(), entry.reply()));
    }

    @Override
    public void replace(String model, CallRequest request, Reply reply) {
        writes.awaitWritten(); // a queued first reply written after this one would be kept in its place
        store.replace(model, request, reply);
    }

    @Override
    public int count() {
        writes.awaitWritten();
        return store.count();
    }

    /** Writes what is queued, then stops the writer. */
    @Override
    public void close() {
        writes.close();
    }

    private static ByteBuffer key(String model, CallRequest request) {
        return ByteBuffer.wrap(ResponseKey.of(model, request));
    }

    /** Finds a call's reply in the store, given its key too. */
    @FunctionalInterface
    private interface Lookup {
        Optional<CachedResponse> get(ByteBuffer key, String model, CallRequest request);
    }

    /** A reply waiting to be written, under its cache key, with the time it was cached. */
    private record Queued(ByteBuffer key, Entry entry, Instant at) {

        CachedResponse cached() {
            Reply reply = entry.reply();
            return new CachedResponse(reply.text(), reply.inputTokens(), reply.outputTokens(), reply.costUsd(), at,
                    reply.usageEstimated());
        }
    }
}
