package dev.baton.resilience;

import dev.baton.execute.RetryPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@link Resilience} treats each worker of a live pool: how often and how patiently it retries, how many calls
 * it lets run at once, and when it stops calling a worker that keeps failing.
 *
 * <pre>{@code
 * ResilienceSettings settings = ResilienceSettings.defaults().withMaxAttempts(5).withMaxConcurrentCalls(4);
 * }</pre>
 *
 * @param maxAttempts          attempts per step, retries included, at least 1 (1 = no retry)
 * @param initialBackoff       the most the wait before the second attempt may be; doubling per attempt after that
 * @param maxBackoff           the most any backoff grows to, at least {@code initialBackoff}
 * @param jitter               the share of each backoff drawn at random, in [0, 1]: 0 waits the full backoff, 1 (full
 *                             jitter) waits uniformly between 0 and the backoff, so clients that failed together do
 *                             not retry together. A provider's {@code Retry-After} is a floor that jitter never lowers
 * @param maxConcurrentCalls   calls in flight to one worker at once, at least 1
 * @param maxPermitWait        the most a call waits for one of those places (never past the run's deadline)
 * @param failureRateThreshold percentage of failed attempts in the window, in (0, 100], that opens a worker's circuit
 * @param slidingWindowSize    the last attempts whose failure rate counts, at least 1; the circuit never opens before
 *                             the window is full
 * @param openDuration         how long an open circuit fails calls at once before it lets one trial call through
 * @param maxRetryAfter        the longest wait a provider may ask for ({@code Retry-After}) and still be waited for; a
 *                             failure asking for longer ends the call at once, the provider's figure in its message
 */
public record ResilienceSettings(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double jitter,
                                 int maxConcurrentCalls, Duration maxPermitWait, double failureRateThreshold,
                                 int slidingWindowSize, Duration openDuration, Duration maxRetryAfter) {

    private static final ResilienceSettings DEFAULTS = new ResilienceSettings(3, Duration.ofMillis(500), Duration.ofSeconds(30),
            1.0, 8, Duration.ofSeconds(60), 50, 10, Duration.ofSeconds(30), RetryPolicy.DEFAULT_MAX_RETRY_AFTER);

    public ResilienceSettings {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxPermitWait, "maxPermitWait");
        Objects.requireNonNull(openDuration, "openDuration");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        if (initialBackoff.isNegative()) {
            throw new IllegalArgumentException("initialBackoff must not be negative: " + initialBackoff);
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff (" + maxBackoff + ") must not be below initialBackoff (" + initialBackoff + ")");
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("jitter must be in [0, 1]: " + jitter);
        }
        if (maxConcurrentCalls < 1) {
            throw new IllegalArgumentException("maxConcurrentCalls must be at least 1: " + maxConcurrentCalls);
        }
        if (maxPermitWait.isNegative()) {
            throw new IllegalArgumentException("maxPermitWait must not be negative: " + maxPermitWait);
        }
        if (!(failureRateThreshold > 0 && failureRateThreshold <= 100)) {
            throw new IllegalArgumentException("failureRateThreshold must be a percentage in (0, 100]: " + failureRateThreshold);
        }
        if (slidingWindowSize < 1) {
            throw new IllegalArgumentException("slidingWindowSize must be at least 1: " + slidingWindowSize);
        }
        if (openDuration.isNegative() || openDuration.isZero()) {
            throw new IllegalArgumentException("openDuration must be positive: " + openDuration);
        }
        if (maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("maxRetryAfter must not be negative: " + maxRetryAfter);
        }
    }

    /** Settings that wait for a provider's {@code Retry-After} up to {@link RetryPolicy#DEFAULT_MAX_RETRY_AFTER}. */
    public ResilienceSettings(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double jitter,
                              int maxConcurrentCalls, Duration maxPermitWait, double failureRateThreshold,
                              int slidingWindowSize, Duration openDuration) {
        this(maxAttempts, initialBackoff, maxBackoff, jitter, maxConcurrentCalls, maxPermitWait, failureRateThreshold,
                slidingWindowSize, openDuration, RetryPolicy.DEFAULT_MAX_RETRY_AFTER);
    }

    /**
     * Returns settings for live providers: 3 attempts with full-jitter backoff from 500 ms up to 30 s, 8 calls at once
     * per worker waiting up to 60 s for a place, a circuit that opens when half of the last 10 attempts failed
     * and tries again after 30 s, and a provider's {@code Retry-After} followed up to 60 s.
     */
    public static ResilienceSettings defaults() {
        return DEFAULTS;
    }

    public ResilienceSettings withMaxAttempts(int value) {
        return new ResilienceSettings(value, initialBackoff, maxBackoff, jitter, maxConcurrentCalls, maxPermitWait,
                failureRateThreshold, slidingWindowSize, openDuration, maxRetryAfter);
    }

    /** Returns these settings with backoff starting at {@code initial} and growing to at most {@code max}. */
    public ResilienceSettings withBackoff(Duration initial, Duration max) {
        return new ResilienceSettings(maxAttempts, initial, max, jitter, maxConcurrentCalls, maxPermitWait,
                failureRateThreshold, slidingWindowSize, openDuration, maxRetryAfter);
    }

    public ResilienceSettings withJitter(double value) {
        return new ResilienceSettings(maxAttempts, initialBackoff, maxBackoff, value, maxConcurrentCalls, maxPermitWait,
                failureRateThreshold, slidingWindowSize, openDuration, maxRetryAfter);
    }

    public ResilienceSettings withMaxConcurrentCalls(int value) {
        return new ResilienceSettings(maxAttempts, initialBackoff, maxBackoff, jitter, value, maxPermitWait,
                failureRateThreshold, slidingWindowSize, openDuration, maxRetryAfter);
    }

    public ResilienceSettings withMaxPermitWait(Duration value) {
        return new ResilienceSettings(maxAttempts, initialBackoff, maxBackoff, jitter, maxConcurrentCalls, value,
                failureRateThreshold, slidingWindowSize, openDuration, maxRetryAfter);
    }

    /** Returns these settings with a circuit that opens at {@code failureRate}% failed of the last {@code window} attempts. */
    public ResilienceSettings withCircuitBreaker(double failureRate, int window, Duration open) {
        return new ResilienceSettings(maxAttempts, initialBackoff, maxBackoff, jitter, maxConcurrentCalls, maxPermitWait,
                failureRate, window, open, maxRetryAfter);
    }

    /** Returns these settings waiting for a provider's {@code Retry-After} up to {@code most}. */
    public ResilienceSettings withMaxRetryAfter(Duration most) {
        return new ResilienceSettings(maxAttempts, initialBackoff, maxBackoff, jitter, maxConcurrentCalls, maxPermitWait,
                failureRateThreshold, slidingWindowSize, openDuration, most);
    }

    /** Returns the backoff before retry {@code retry} (1 for the first) before jitter: doubling, capped at the maximum. */
    Duration backoff(int retry) {
        int doublings = Math.min(Math.max(0, retry - 1), 62);
        long millis = initialBackoff.toMillis();
        long grown = millis > (Long.MAX_VALUE >> doublings) ? Long.MAX_VALUE : millis << doublings;
        return Duration.ofMillis(Math.min(grown, maxBackoff.toMillis()));
    }
}
