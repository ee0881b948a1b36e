package dev.baton.store;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Counts the failures a {@link ResponseCacheInterceptor} hears and passes the first one on, so that whoever runs the
 * cache says so once, loudly, and can tell later whether it held: {@code ask} warns, {@code serve} warns and exports
 * the count as a metric, {@code record} stops paying for calls.
 *
 * <pre>{@code
 * ResponseCacheFailures failures = new ResponseCacheFailures((operation, e) -> err.println("warning: " + e.getMessage()));
 * Interceptor cache = new ResponseCacheInterceptor(store.responses(), Mode.READ_WRITE, failures);
 * }</pre>
 */
public final class ResponseCacheFailures implements ResponseCacheInterceptor.Listener {

    private final ResponseCacheInterceptor.Listener first;
    private final AtomicLong count = new AtomicLong();
    private final AtomicReference<Failure> firstFailure = new AtomicReference<>();

    /** One failure: what the cache was doing, and the store's exception. */
    public record Failure(ResponseCacheInterceptor.Operation operation, StoreException exception) {
        public Failure {
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(exception, "exception");
        }
    }

    /** @param first hears the first failure only */
    public ResponseCacheFailures(ResponseCacheInterceptor.Listener first) {
        this.first = Objects.requireNonNull(first, "first");
    }

    @Override
    public void failed(ResponseCacheInterceptor.Operation operation, StoreException failure) {
        count.incrementAndGet();
        if (firstFailure.compareAndSet(null, new Failure(operation, failure))) {
            first.failed(operation, failure);
        }
    }

    /** Returns how many times the cache failed so far. */
    public long count() {
        return count.get();
    }

    /** Returns the first failure, if the cache failed. */
    public Optional<Failure> first() {
        return Optional.ofNullable(firstFailure.get());
    }
}
