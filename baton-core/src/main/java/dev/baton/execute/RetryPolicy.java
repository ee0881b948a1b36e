package dev.baton.execute;

import java.time.Duration;
import java.util.Objects;

/**
 * How often the executor tries a call whose failure is transient, and how long it waits in between
 * (doubling each time). Permanent failures are never retried.
 *
 * @param maxAttempts    total attempts per step, at least 1 (1 = no retry)
 * @param initialBackoff wait before the second attempt
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff) {

    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        if (initialBackoff.isNegative()) {
            throw new IllegalArgumentException("initialBackoff must not be negative");
        }
    }

    /** One attempt, no retry: right for offline pools, whose failures repeat. */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO);
    }

    /** Three attempts with 500 ms then 1 s backoff: right for live providers. */
    public static RetryPolicy standard() {
        return new RetryPolicy(3, Duration.ofMillis(500));
    }

    /** Returns the wait before attempt {@code attempt} (2 for the first retry). */
    Duration backoffBefore(int attempt) {
        return initialBackoff.multipliedBy(1L << Math.max(0, attempt - 2));
    }
}
