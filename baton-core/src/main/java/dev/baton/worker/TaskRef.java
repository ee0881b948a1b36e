package dev.baton.worker;

import dev.baton.task.AnswerType;
import dev.baton.task.Task;
import java.util.Objects;

/**
 * Names the task a call serves, for bookkeeping, without its gold answer.
 *
 * <p>A worker is told which task it works on (an offline worker looks up what a real model answered to
 * it; a live worker may tag its request for the provider's logs) but never what the right answer is: the
 * gold answer and the task's free-form metadata stay with the executor and the graders.
 *
 * @param id         the task's id, unique within its benchmark
 * @param answerType how the task's answer is judged, so a worker can read an answer out of a reply
 */
public record TaskRef(String id, AnswerType answerType) {

    public TaskRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(answerType, "answerType");
        if (id.isBlank()) {
            throw new IllegalArgumentException("task id must not be blank");
        }
    }

    /** Returns the reference a worker may see for {@code task}: its id and answer type, nothing else. */
    public static TaskRef of(Task task) {
        return new TaskRef(task.id(), task.answerType());
    }
}
