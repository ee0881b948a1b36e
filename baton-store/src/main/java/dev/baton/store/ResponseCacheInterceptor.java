package dev.baton.store;

import dev.baton.execute.CallResult;
import dev.baton.execute.Interceptor;
import java.util.Objects;
import java.util.Optional;

/**
 * Answers a call that was answered before from the {@link ResponseCache}, without calling the worker, and caches
 * the replies of calls it passes on. Belongs in the executor's cache slot, before the budget, so that a cached reply
 * spends neither a call nor money:
 *
 * <pre>{@code
 * try (Store store = Store.open(Path.of("baton.db"))) {
 *     Executor executor = Executor.builder().cache(new ResponseCacheInterceptor(store.responses())).build();
 *     ...
 * }
 * }</pre>
 *
 * <p>A hit is {@code Answered(reply, 0 attempts, cached)} with the recorded text and tokens, at cost 0. Only answered
 * calls are cached, never failures or skipped calls. Identical calls in flight at once each call the worker; the
 * first reply to arrive is the one kept. If the store fails, the call goes on as if there were no cache, and its reply
 * is returned uncached; a {@link Listener} hears of every such failure, since a cache that silently stopped keeping
 * replies would have a repeated call paid again: {@code record} stops, {@code ask} and {@code serve} warn (see
 * {@link ResponseCacheFailures}). To run without a cache, leave the interceptor out.
 */
public final class ResponseCacheInterceptor implements Interceptor {

    /** How the interceptor uses the cache. */
    public enum Mode {
        /** Answer from the cache when it can, and cache new replies. */
        READ_WRITE,
        /** Answer from the cache when it can; cache nothing new. */
        READ_ONLY,
        /** Always call the worker, and cache its reply in place of any cached one. */
        REFRESH
    }

    /** What the interceptor was doing with the cache when the store failed. */
    public enum Operation {
        /** Looking a call up: the call is made, and paid, as if nothing were cached. */
        READ,
        /** Keeping a reply: the reply is returned, but a repeated call will be paid again. */
        WRITE
    }

    /** Hears when the store fails under the cache; the call goes on without it. */
    @FunctionalInterface
    public interface Listener {

        /** A listener that ignores every failure. */
        Listener IGNORE = (operation, failure) -> { };

        /**
         * Hears that {@code operation} failed with {@code failure}, once per failing call, on the calling thread (many
         * at once when calls run in parallel). Must not throw: the call it serves goes on.
         */
        void failed(Operation operation, StoreException failure);
    }

    private final ResponseCache cache;
    private final Mode mode;
    private final Listener listener;

    /** Returns an interceptor that reads and writes {@code cache}, ignoring the store's failures. */
    public ResponseCacheInterceptor(ResponseCache cache) {
        this(cache, Mode.READ_WRITE);
    }

    public ResponseCacheInterceptor(ResponseCache cache, Mode mode) {
        this(cache, mode, Listener.IGNORE);
    }

    /** Returns an interceptor that uses {@code cache} as {@code mode} says and tells {@code listener} when the store fails. */
    public ResponseCacheInterceptor(ResponseCache cache, Mode mode, Listener listener) {
        this.cache = Objects.requireNonNull(cache, "cache");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public CallResult intercept(Chain chain) {
        String model = chain.worker().model();
        if (mode != Mode.REFRESH) {
            Optional<CachedResponse> hit = lookUp(model, chain);
            if (hit.isPresent()) {
                return new CallResult.Answered(hit.get().asReply(), 0, true);
            }
        }
        CallResult result = chain.proceed(chain.request());
        if (mode != Mode.READ_ONLY && result instanceof CallResult.Answered answered && !answered.cached()) {
            try {
                if (mode == Mode.REFRESH) {
                    cache.replace(model, chain.request(), answered.reply());
                } else {
                    cache.put(model, chain.request(), answered.reply());
                }
            } catch (StoreException e) {
                listener.failed(Operation.WRITE, e); // the reply is good whether or not it could be kept
            }
        }
        return result;
    }

    private Optional<CachedResponse> lookUp(String model, Chain chain) {
        try {
            return cache.get(model, chain.request());
        } catch (StoreException e) {
            listener.failed(Operation.READ, e);
            return Optional.empty(); // a cache that cannot be read is a cache that misses
        }
    }
}
