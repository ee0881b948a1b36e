package dev.baton.eval;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How one conductor did on one task.
 *
 * @param taskId      the task
 * @param answer      the extracted final answer, empty when there was none
 * @param correct     whether it matched the gold answer
 * @param calls       worker calls made
 * @param costUsd     money spent
 * @param tokens      input plus output tokens
 * @param workerCalls calls per worker id
 */
public record TaskResult(String taskId, Optional<String> answer, boolean correct, int calls, double costUsd,
                         long tokens, Map<String, Integer> workerCalls) {

    public TaskResult {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(answer, "answer");
        workerCalls = Map.copyOf(workerCalls);
    }
}
