package dev.baton.resilience;

import dev.baton.execute.Executor;
import dev.baton.execute.Interceptor;
import dev.baton.worker.RateLimits;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Makes an executor resilient to live providers: per worker, retry with backoff and jitter, requests and tokens per
 * minute where a pool file sets them, a limit on calls at once, and a circuit breaker. Each worker gets its own named
 * instance of each (named by worker id) from a resilience4j registry, so one provider's outage or rate limit never
 * slows or blocks another.
 *
 * <p>The links are interceptors for an {@link Executor.Builder}: {@link #retry()} replaces the built-in retry, and
 * {@link #perAttempt()} (the rate limits, the concurrency limit, then the circuit breaker) runs once per attempt,
 * outside the deadline.
 * Every failure stays a typed {@link dev.baton.execute.CallResult.Failed} in the trace; a step whose worker's circuit
 * is open fails at once and the workflow goes on without it.
 *
 * <pre>{@code
 * Resilience resilience = Resilience.of(ResilienceSettings.defaults());
 * Executor executor = resilience.applyTo(Executor.builder()).build();
 * resilience.circuitBreakers().circuitBreaker("gpt-4o").getEventPublisher().onStateTransition(log::info);
 * }</pre>
 *
 * <p>Keep one instance per process (or per pool) and share it between executors, so that a worker's failures are
 * counted together.
 */
public final class Resilience {

    private final ResilienceSettings settings;
    private final RetryRegistry retries;
    private final BulkheadRegistry bulkheads;
    private final CircuitBreakerRegistry circuitBreakers;
    private final RateLimiterRegistry requestLimiters;
    private final RateLimiterRegistry tokenLimiters;
    private final Interceptor retry;
    private final List<Interceptor> perAttempt;

    private Resilience(ResilienceSettings settings, Clock clock, Sleeper sleeper, DoubleSupplier random) {
        this.settings = settings;
        this.retries = RetryRegistry.of(RetryLink.config(settings, random));
        this.bulkheads = BulkheadRegistry.of(BulkheadLink.config(settings));
        this.circuitBreakers = CircuitBreakerRegistry.of(CircuitBreakerLink.config(settings, clock));
        this.requestLimiters = RateLimiterRegistry.ofDefaults();
        this.tokenLimiters = RateLimiterRegistry.ofDefaults();
        this.retry = new RetryLink(retries, settings.maxRetryAfter(), sleeper);
        this.perAttempt = List.of(new RateLimitLink(requestLimiters, tokenLimiters, sleeper), new BulkheadLink(bulkheads),
                new CircuitBreakerLink(circuitBreakers));
    }

    /** Returns resilience as {@code settings} describe, on the system clock. */
    public static Resilience of(ResilienceSettings settings) {
        return new Resilience(Objects.requireNonNull(settings, "settings"), Clock.systemUTC(), Sleeper.THREAD,
                () -> ThreadLocalRandom.current().nextDouble());
    }

    /**
     * Returns resilience as {@code settings} describe, with each listed worker's own limit on calls at once (a pool
     * file's {@code concurrency}); workers not listed get {@link ResilienceSettings#maxConcurrentCalls()}.
     */
    public static Resilience of(ResilienceSettings settings, Map<String, Integer> concurrencyPerWorker) {
        Resilience resilience = of(settings);
        concurrencyPerWorker.forEach((worker, limit) -> resilience.bulkheads.bulkhead(worker,
                BulkheadLink.config(settings.withMaxConcurrentCalls(limit))));
        return resilience;
    }

    /**
     * Returns resilience as {@code settings} describe, with each listed worker's own limit on calls at once and its
     * requests and tokens per minute (a pool file's {@code concurrency}, {@code rpm} and {@code tpm}); a worker not in
     * {@code rateLimitsPerWorker} is not rate limited.
     */
    public static Resilience of(ResilienceSettings settings, Map<String, Integer> concurrencyPerWorker,
                                Map<String, RateLimits> rateLimitsPerWorker) {
        Resilience resilience = of(settings, concurrencyPerWorker);
        rateLimitsPerWorker.forEach((worker, limits) -> {
            limits.requestsPerMinute().ifPresent(rpm -> resilience.requestLimiters.rateLimiter(worker, RateLimitLink.perMinute(rpm)));
            limits.tokensPerMinute().ifPresent(tpm -> resilience.tokenLimiters.rateLimiter(worker, RateLimitLink.perMinute(tpm)));
        });
        return resilience;
    }

    /** Returns resilience whose circuit breakers read {@code clock}, whose retries and rate limits wait with {@code sleeper}. */
    static Resilience of(ResilienceSettings settings, Clock clock, Sleeper sleeper, DoubleSupplier random) {
        return new Resilience(settings, clock, sleeper, random);
    }

    /** Returns the link for {@link Executor.Builder#retry(Interceptor)}: per-worker retry with backoff and jitter. */
    public Interceptor retry() {
        return retry;
    }

    /**
     * Returns the links for {@link Executor.Builder#perAttempt}, outermost first: the per-worker rate limits (a call
     * waits for its turn holding none of the worker's places), the per-worker concurrency limit, then the per-worker
     * circuit breaker (inside both, so a call waiting for a turn or a place never counts against the worker).
     */
    public List<Interceptor> perAttempt() {
        return perAttempt;
    }

    /** Puts {@link #retry()} and {@link #perAttempt()} into {@code builder} and returns it. */
    public Executor.Builder applyTo(Executor.Builder builder) {
        return builder.retry(retry).perAttempt(perAttempt.toArray(Interceptor[]::new));
    }

    public ResilienceSettings settings() {
        return settings;
    }

    /** Returns each worker's retry by worker id, for metrics and events. */
    public RetryRegistry retries() {
        return retries;
    }

    /** Returns each worker's concurrency limit by worker id, for metrics and events. */
    public BulkheadRegistry bulkheads() {
        return bulkheads;
    }

    /** Returns each worker's circuit breaker by worker id, for its state, metrics and events. */
    public CircuitBreakerRegistry circuitBreakers() {
        return circuitBreakers;
    }

    /**
     * Returns the requests-per-minute limiter of each worker that has one, by worker id, for metrics and events; look
     * one up with {@code find}, as asking for a worker's limiter by name would create one.
     */
    public RateLimiterRegistry requestLimiters() {
        return requestLimiters;
    }

    /** Returns the tokens-per-minute limiter of each worker that has one, by worker id, as {@link #requestLimiters()}. */
    public RateLimiterRegistry tokenLimiters() {
        return tokenLimiters;
    }
}
