package dev.baton.workflow;

import java.util.Objects;
import java.util.Optional;

/**
 * One call in a workflow: which worker, what it should do, what it may see.
 *
 * @param workerId the worker that performs the step
 * @param subtask  the natural-language instruction for this step
 * @param access   which earlier steps it sees
 * @param role     the id of the role whose template the subtask is (for example {@code solve}), when the
 *                 conductor wrote it from one; empty for free text such as an LM conductor's
 */
public record Step(String workerId, String subtask, Access access, Optional<String> role) {

    public Step {
        Objects.requireNonNull(workerId, "workerId");
        Objects.requireNonNull(subtask, "subtask");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(role, "role");
        if (workerId.isBlank()) {
            throw new IllegalArgumentException("a step needs a worker id");
        }
        if (role.isPresent() && role.get().isBlank()) {
            throw new IllegalArgumentException("a step's role id must not be blank");
        }
    }

    /** Creates a step whose subtask comes from no named role. */
    public Step(String workerId, String subtask, Access access) {
        this(workerId, subtask, access, Optional.empty());
    }

    /** Returns this step marked as written from the role {@code roleId}. */
    public Step withRole(String roleId) {
        return new Step(workerId, subtask, access, Optional.of(roleId));
    }

    public static Step independent(String workerId, String subtask) {
        return new Step(workerId, subtask, Access.NONE);
    }

    public static Step seeingAll(String workerId, String subtask) {
        return new Step(workerId, subtask, Access.ALL);
    }
}
