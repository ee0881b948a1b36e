package dev.baton.execute;

import java.util.Objects;
import java.util.Optional;

/**
 * Says which planned step a worker call serves.
 *
 * @param round   zero-based round of the conversation
 * @param step    zero-based index of the step within its round's workflow
 * @param subtask the step's instruction
 * @param role    the id of the role the subtask was written from, if any
 */
public record CallSite(int round, int step, String subtask, Optional<String> role) {

    /** A call site of a step written from no named role. */
    public CallSite(int round, int step, String subtask) {
        this(round, step, subtask, Optional.empty());
    }

    public CallSite {
        Objects.requireNonNull(subtask, "subtask");
        Objects.requireNonNull(role, "role");
        if (round < 0 || step < 0) {
            throw new IllegalArgumentException("round and step must not be negative: " + round + ", " + step);
        }
    }
}
