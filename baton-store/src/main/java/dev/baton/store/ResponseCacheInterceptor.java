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
 * first reply to arrive is the one kept. The cache is an optimisation: if the store fails, the call goes on
 * as if there were no cache, and its reply is returned uncached. To run without a cache, leave the interceptor out.
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

    private final ResponseCache cache;
    private final Mode mode;

    /** Returns an interceptor that reads and writes {@code cache}. */
    public ResponseCacheInterceptor(ResponseCache cache) {
        this(cache, Mode.READ_WRITE);
    }

    public ResponseCacheInterceptor(ResponseCache cache, Mode mode) {
        this.cache = Objects.requireNonNull(cache, "cache");
        this.mode = Objects.requireNonNull(mode, "mode");
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
                // The reply is good whether or not it could be kept.
            }
        }
        return result;
    }

    private Optional<CachedResponse> lookUp(String model, Chain chain) {
        try {
            return cache.get(model, chain.request());
        } catch (StoreException e) {
            return Optional.empty(); // a cache that cannot be read is a cache that misses
        }
    }
}
