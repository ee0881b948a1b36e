package dev.baton.workflow;

import java.util.Objects;

/**
 * One call in a workflow: which worker, what it should do, what it may see.
 *
 * @param workerId the worker that performs the step
 * @param subtask  the natural-language instruction for this step
 * @param access   which earlier steps it sees
 */
public record Step(String workerId, String subtask, Access access) {

    public Step {
        Objects.requireNonNull(workerId, "workerId");
        Objects.requireNonNull(subtask, "subtask");
        Objects.requireNonNull(access, "access");
        if (workerId.isBlank()) {
            throw new IllegalArgumentException("a step needs a worker id");
        }
    }

    public static Step independent(String workerId, String subtask) {
        return new Step(workerId, subtask, Access.NONE);
    }

    public static Step seeingAll(String workerId, String subtask) {
        return new Step(workerId, subtask, Access.ALL);
    }
}
