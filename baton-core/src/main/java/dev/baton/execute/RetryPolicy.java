package dev.baton.execute;

import java.time.Duration;
import java.util.Objects;

/**
 * How often the executor tries a call whose failure is transient, and how long it waits in between
 * (doubling each time, and at least as long as the provider asked). Permanent failures are never retried.
 *
 * @param maxAttempts    total attempts per step, at least 1 (1 = no retry)
 * @param initialBackoff wait before the second attempt
 * @param maxRetryAfter  the longest wait a provider may ask for ({@code Retry-After}) and still be waited for; a
 *                       failure asking for longer ends the call at once, the provider's figure in its message
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxRetryAfter) {

    /** The longest {@code Retry-After} waited for unless configured otherwise: a minute. */
    public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(60);

    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        if (initialBackoff.isNegative()) {
            throw new IllegalArgumentException("initialBackoff must not be negative");
        }
        if (maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("maxRetryAfter must not be negative: " + maxRetryAfter);
        }
    }

    /** A policy that waits for a provider's {@code Retry-After} up to {@link #DEFAULT_MAX_RETRY_AFTER}. */
    public RetryPolicy(int maxAttempts, Duration initialBackoff) {
        this(maxAttempts, initialBackoff, DEFAULT_MAX_RETRY_AFTER);
    }

    /** One attempt, no retry: right for offline pools, whose failures repeat. */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO);
    }

    /** Three attempts with 500 ms then 1 s backoff, a provider's wait followed up to a minute: right for live providers. */
    public static RetryPolicy standard() {
        return new RetryPolicy(3, Duration.ofMillis(500));
    }

    /** Returns this policy waiting for a provider's {@code Retry-After} up to {@code most}. */
    public RetryPolicy withMaxRetryAfter(Duration most) {
        return new RetryPolicy(maxAttempts, initialBackoff, most);
    }

    /** Returns the wait before attempt {@code attempt} (2 for the first retry). */
    Duration backoffBefore(int attempt) {
        return initialBackoff.multipliedBy(1L << Math.max(0, attempt - 2));
    }
}
