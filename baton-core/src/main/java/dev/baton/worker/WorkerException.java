package dev.baton.worker;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A worker call that failed. The executor records it in the trace; it never escapes a run.
 *
 * <p>Subclasses say whether the failure is transient (rate limit, timeout, server error, outage) or
 * permanent (authentication, invalid request, unknown model); {@link #kind()} says what happened, and
 * {@link #retryAfter()} how long the provider asked to wait before the next try, when it said.
 */
public abstract sealed class WorkerException extends Exception
        permits WorkerException.Transient, WorkerException.Permanent {

    private final String workerId;
    private final FailureKind kind;
    private final Duration retryAfter;
    private final double billedUsd;

    protected WorkerException(String workerId, FailureKind kind, String message, Duration retryAfter, Throwable cause) {
        this(workerId, kind, message, retryAfter, cause, 0);
    }

    private WorkerException(String workerId, FailureKind kind, String message, Duration retryAfter, Throwable cause,
                            double billedUsd) {
        super(message, cause);
        if (!(billedUsd >= 0)) {
            throw new IllegalArgumentException("billedUsd must be a non-negative number: " + billedUsd);
        }
        this.billedUsd = billedUsd;
        this.workerId = workerId;
        this.kind = Objects.requireNonNull(kind, "kind");
        if (retryAfter != null && retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter must not be negative: " + retryAfter);
        }
        this.retryAfter = retryAfter;
    }

    /** Returns the id of the worker that failed. */
    public String workerId() {
        return workerId;
    }

    /** Returns what went wrong. */
    public FailureKind kind() {
        return kind;
    }

    /** Returns how long the provider asked to wait before trying again (a {@code Retry-After} header), if it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** Returns what the provider billed for the failed call (a reply it could not deliver), else 0. */
    public double billedUsd() {
        return billedUsd;
    }

    /** Returns whether calling again may succeed. */
    public abstract boolean retriable();

    /** A failure that may pass: rate limit, timeout, overloaded server, a missing recorded reply. */
    public static final class Transient extends WorkerException {
        public Transient(String workerId, FailureKind kind, String message, Duration retryAfter, Throwable cause) {
            super(workerId, kind, message, retryAfter, cause);
        }

        public Transient(String workerId, String message, Throwable cause) {
            this(workerId, FailureKind.UNAVAILABLE, message, null, cause);
        }

        public Transient(String workerId, String message) {
            this(workerId, message, null);
        }

        @Override
        public boolean retriable() {
            return true;
        }
    }

    /** A failure that will repeat: bad credentials, an invalid request, an unknown model. */
    public static final class Permanent extends WorkerException {
        public Permanent(String workerId, FailureKind kind, String message, Throwable cause) {
            super(workerId, kind, message, null, cause);
        }

        /** A failure the provider billed {@code billedUsd} for: a reply it sent without text, say. */
        public Permanent(String workerId, FailureKind kind, String message, double billedUsd) {
            super(workerId, kind, message, null, null, billedUsd);
        }

        public Permanent(String workerId, String message, Throwable cause) {
            this(workerId, FailureKind.OTHER, message, cause);
        }

        public Permanent(String workerId, String message) {
            this(workerId, message, null);
        }

        @Override
        public boolean retriable() {
            return false;
        }
    }
}
