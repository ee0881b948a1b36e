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
 * @param failedCalls calls of a live pool that failed after every retry, or that a spending cap left out: the task
 *                    may be wrong for that reason alone (0 on an offline pool, whose gaps are part of its recording)
 */
public record TaskResult(String taskId, Optional<String> answer, boolean correct, int calls, double costUsd,
                         long tokens, Map<String, Integer> workerCalls, int failedCalls) {

    public TaskResult {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(answer, "answer");
        workerCalls = Map.copyOf(workerCalls);
        if (failedCalls < 0) {
            throw new IllegalArgumentException("failedCalls must not be negative: " + failedCalls);
        }
    }

    /** A result none of whose calls failed. */
    public TaskResult(String taskId, Optional<String> answer, boolean correct, int calls, double costUsd, long tokens,
                      Map<String, Integer> workerCalls) {
        this(taskId, answer, correct, calls, costUsd, tokens, workerCalls, 0);
    }
}
