package dev.baton.execute;

import java.util.Objects;

/**
 * Says which planned step a worker call serves.
 *
 * @param round   zero-based round of the conversation
 * @param step    zero-based index of the step within its round's workflow
 * @param subtask the step's instruction
 */
public record CallSite(int round, int step, String subtask) {

    public CallSite {
        Objects.requireNonNull(subtask, "subtask");
        if (round < 0 || step < 0) {
            throw new IllegalArgumentException("round and step must not be negative: " + round + ", " + step);
        }
    }
}
