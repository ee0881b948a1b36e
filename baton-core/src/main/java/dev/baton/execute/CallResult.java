package dev.baton.execute;

import dev.baton.worker.Reply;
import java.util.Objects;

/** How one step of a run ended. */
public sealed interface CallResult permits CallResult.Answered, CallResult.Failed, CallResult.Skipped {

    /** The worker replied. */
    record Answered(Reply reply, int attempts) implements CallResult {
        public Answered {
            Objects.requireNonNull(reply, "reply");
        }
    }

    /** The worker was called and failed on every attempt; {@code error} is the last failure's message. */
    record Failed(String error, boolean retriable, int attempts) implements CallResult {
        public Failed {
            Objects.requireNonNull(error, "error");
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
    }
}
