package dev.baton.resilience;

import dev.baton.execute.CallResult;
import dev.baton.execute.Interceptor;
import dev.baton.worker.FailureKind;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/**
 * Stops calling a worker that keeps failing, with the worker's own {@link CircuitBreaker}. When enough of its recent
 * attempts failed the circuit opens, and attempts fail at once as {@link FailureKind#UNAVAILABLE}, not retriable,
 * without reaching the worker; after the open duration one trial attempt goes through, and its outcome closes or
 * reopens the circuit.
 *
 * <p>Only retriable failures count against a worker: they say the provider is struggling (rate limits, server errors,
 * timeouts, broken connections, malformed replies). A permanent failure such as an invalid request is the caller's
 * and counts neither way.
 */
final class CircuitBreakerLink implements Interceptor {

    private final CircuitBreakerRegistry registry;

    CircuitBreakerLink(CircuitBreakerRegistry registry) {
        this.registry = registry;
    }

    static CircuitBreakerConfig config(ResilienceSettings settings, Clock clock) {
        return CircuitBreakerConfig.custom()
                .failureRateThreshold((float) settings.failureRateThreshold())
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.slidingWindowSize())
                .minimumNumberOfCalls(settings.slidingWindowSize())
                .waitDurationInOpenState(settings.openDuration())
                .permittedNumberOfCallsInHalfOpenState(1)
                .writableStackTraceEnabled(false)
                .clock(clock)
                .build();
    }

    @Override
    public CallResult intercept(Chain chain) {
        CircuitBreaker breaker = registry.circuitBreaker(chain.worker().id());
        if (!breaker.tryAcquirePermission()) {
            return new CallResult.Failed("circuit open for " + chain.worker().id() + ": " + why(breaker),
                    FailureKind.UNAVAILABLE, false, 1, Optional.empty());
        }
        long start = breaker.getCurrentTimestamp();
        CallResult result = chain.proceed(chain.request());
        long took = breaker.getCurrentTimestamp() - start;
        switch (result) {
            case CallResult.Answered answered -> breaker.onSuccess(took, breaker.getTimestampUnit());
            case CallResult.Failed failed when failed.retriable() ->
                    breaker.onError(took, breaker.getTimestampUnit(), new FailedAttempt(failed));
            case CallResult.Failed failed -> breaker.releasePermission();
            case CallResult.Skipped skipped -> breaker.releasePermission();
        }
        return result;
    }

    private static String why(CircuitBreaker breaker) {
        CircuitBreaker.Metrics metrics = breaker.getMetrics();
        return switch (breaker.getState()) {
            case OPEN -> String.format(Locale.ROOT, "%.0f%% of its last %d attempts failed; next try after %d ms",
                    metrics.getFailureRate(), metrics.getNumberOfBufferedCalls(),
                    breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1));
            case HALF_OPEN -> "a trial attempt is in flight";
            default -> "state " + breaker.getState();
        };
    }

    /** A failed attempt as the circuit breaker records it; no stack trace, the trace has the failure. */
    static final class FailedAttempt extends RuntimeException {
        FailedAttempt(CallResult.Failed failed) {
            super(failed.kind() + ": " + failed.error(), null, false, false);
        }
    }
}
