package dev.baton.execute;

import dev.baton.worker.FailureKind;
import dev.baton.worker.Reply;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** How one step of a run ended. */
public sealed interface CallResult permits CallResult.Answered, CallResult.Failed, CallResult.Skipped {

    /** Returns this result counted as {@code attempts} attempts, as a retry reports it; a skipped call stays as it is. */
    CallResult withAttempts(int attempts);

    /**
     * Returns what the call was billed: a fresh reply's cost, what a provider billed for a reply it could not deliver
     * (one with no text), else 0. Budgets spend this, and a trace's cost adds it up.
     */
    double billedUsd();

    /**
     * The worker replied.
     *
     * @param reply    what it said, with usage and cost ({@code 0} when cached: a cached reply costs nothing)
     * @param attempts attempts made, retries included (0 when answered from a cache)
     * @param cached   whether the reply came from a response cache instead of the worker
     */
    record Answered(Reply reply, int attempts, boolean cached) implements CallResult {
        public Answered {
            Objects.requireNonNull(reply, "reply");
        }

        /** A reply fresh from the worker. */
        public Answered(Reply reply, int attempts) {
            this(reply, attempts, false);
        }

        @Override
        public Answered withAttempts(int count) {
            return new Answered(reply, count, cached);
        }

        @Override
        public double billedUsd() {
            return reply.costUsd();
        }
    }

    /**
     * The worker was called and failed on every attempt.
     *
     * @param error      the last failure's message
     * @param kind       what went wrong
     * @param retriable  whether trying again later may help
     * @param attempts   attempts made
     * @param retryAfter how long the provider asked to wait before the next try, if it said
     * @param billedUsd  what the provider billed for the failed call (a reply with no text still costs), else 0
     */
    record Failed(String error, FailureKind kind, boolean retriable, int attempts, Optional<Duration> retryAfter,
                  double billedUsd) implements CallResult {
        public Failed {
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(retryAfter, "retryAfter");
            if (!(billedUsd >= 0)) {
                throw new IllegalArgumentException("billedUsd must be a non-negative number: " + billedUsd);
            }
        }

        /** A failure nothing was billed for. */
        public Failed(String error, FailureKind kind, boolean retriable, int attempts, Optional<Duration> retryAfter) {
            this(error, kind, retriable, attempts, retryAfter, 0);
        }

        /** A failure of unspecified kind ({@link FailureKind#OTHER}) with no advice on when to retry. */
        public Failed(String error, boolean retriable, int attempts) {
            this(error, FailureKind.OTHER, retriable, attempts, Optional.empty());
        }

        /** Returns whether the provider asked to wait longer than {@code most} before the next try. */
        public boolean asksToWaitLongerThan(Duration most) {
            return retryAfter.filter(wait -> wait.compareTo(most) > 0).isPresent();
        }

        /**
         * Returns this failure as the last of its call because the provider asked to wait longer than {@code most}:
         * the message gains the provider's figure and the most Baton waits, so the trace says why it ended there.
         */
        public Failed notRetriedForWait(Duration most) {
            String asked = retryAfter.map(Failed::seconds).orElse("no time");
            return new Failed(error + " (not retried: the provider asks to wait " + asked + ", longer than the "
                    + seconds(most) + " Baton waits at most)", kind, retriable, attempts, retryAfter, billedUsd);
        }

        private static String seconds(Duration wait) {
            return wait.toMillisPart() == 0 ? wait.toSeconds() + " s"
                    : String.format(java.util.Locale.ROOT, "%.3f s", wait.toMillis() / 1000.0);
        }

        /** Returns how the worker's exception describes the failure, as one attempt. */
        public static Failed of(dev.baton.worker.WorkerException e) {
            return new Failed(String.valueOf(e.getMessage()), e.kind(), e.retriable(), 1, e.retryAfter(), e.billedUsd());
        }

        @Override
        public Failed withAttempts(int count) {
            return new Failed(error, kind, retriable, count, retryAfter, billedUsd);
        }
    }

    /**
     * The worker was never called, and {@code reason} says why: the budget's calls were used up, the call's
     * worst-case cost did not fit in what was left, or the deadline had passed.
     */
    record Skipped(String reason) implements CallResult {
        public Skipped {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public double billedUsd() {
            return 0;
        }

        @Override
        public Skipped withAttempts(int count) {
            return this;
        }
    }
}
