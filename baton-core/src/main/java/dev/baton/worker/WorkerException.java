package dev.baton.worker;

/**
 * A worker call that failed. The executor records it in the trace; it never escapes a run.
 *
 * <p>Subclasses say whether the failure is transient (rate limit, timeout, server error, outage) or
 * permanent (authentication, invalid request, unknown model).
 */
public abstract sealed class WorkerException extends Exception
        permits WorkerException.Transient, WorkerException.Permanent {

    private final String workerId;

    protected WorkerException(String workerId, String message, Throwable cause) {
        super(message, cause);
        this.workerId = workerId;
    }

    /** Returns the id of the worker that failed. */
    public String workerId() {
        return workerId;
    }

    /** Returns whether calling again may succeed. */
    public abstract boolean retriable();

    /** A failure that may pass: rate limit, timeout, overloaded server, a missing recorded reply. */
    public static final class Transient extends WorkerException {
        public Transient(String workerId, String message, Throwable cause) {
            super(workerId, message, cause);
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
        public Permanent(String workerId, String message, Throwable cause) {
            super(workerId, message, cause);
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
