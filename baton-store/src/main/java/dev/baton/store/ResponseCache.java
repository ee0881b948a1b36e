package dev.baton.store;

import dev.baton.worker.CallRequest;
import dev.baton.worker.Reply;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Caches worker replies by content: the key is the SHA-256 of the model that answers, the call options and the
 * messages (see {@link ResponseKey}), so two workers with the same {@link dev.baton.worker.WorkerCard#model()} share
 * replies, and the store never needs the prompt text to find one.
 *
 * <p>{@link StoreBackend#responses()} keeps them in the SQLite file or in a PostgreSQL database that several servers
 * share. Each write is one statement in one transaction, so a crash leaves every reply either fully cached or absent.
 * The first reply cached for a key stays: {@link #put} of a second is ignored, so two identical calls racing each other
 * (in one process or in two replicas) leave one row and neither fails; {@link #replace} overwrites on purpose.
 * Implementations are safe to use from many threads at once.
 */
public interface ResponseCache {

    /**
     * Returns the reply cached for asking {@code model} for {@code request}, if any.
     *
     * @throws StoreException when the store cannot be read
     */
    Optional<CachedResponse> get(String model, CallRequest request);

    /**
     * Caches {@code reply} unless a reply is already cached for the call; returns whether it was written.
     *
     * @throws StoreException when the store cannot be written
     */
    boolean put(String model, CallRequest request, Reply reply);

    /**
     * Caches every entry, each unless a reply is already cached for its call, all or none: the store's own
     * implementations write them in one transaction.
     *
     * @throws StoreException when the store cannot be written (then none is kept)
     */
    default void putAll(List<Entry> entries) {
        entries.forEach(entry -> put(entry.model(), entry.request(), entry.reply()));
    }

    /**
     * Caches {@code reply}, replacing any reply cached for the call.
     *
     * @throws StoreException when the store cannot be written
     */
    void replace(String model, CallRequest request, Reply reply);

    /** Returns how many replies are cached. */
    int count();

    /**
     * A reply to cache: what {@code model} answered to {@code request}.
     *
     * @param model   the model that answered
     * @param request the call
     * @param reply   its reply
     */
    record Entry(String model, CallRequest request, Reply reply) {

        public Entry {
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(reply, "reply");
        }
    }
}
