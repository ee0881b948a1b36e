package dev.baton.grade;

import dev.baton.task.Task;
import java.util.Optional;

/**
 * Extracts a final answer from a worker's reply and judges it against a reference answer.
 *
 * <p>The same graders judge recorded replies (replay pools) and live replies, so an offline figure
 * and a live figure mean the same thing. Implementations are stateless and thread-safe, and cope with any
 * reply text. Every implementation's test extends {@code GraderContract}, which checks what this interface
 * promises.
 */
public interface Grader {

    /**
     * Extracts the final answer a reply commits to, or empty when it commits to none.
     * Tries, in order, a JSON {@code "answer"} field (even in a malformed block), {@code \boxed{}},
     * phrases such as "The answer is (C)", and finally the last number where the answer type allows it.
     */
    Optional<String> extract(String reply);

    /**
     * Returns whether two answers are the same answer for this grader's answer type. Either side may be
     * an extracted answer or a gold answer in the benchmark's own notation (for example {@code # 18}).
     */
    boolean equivalent(String answer, String reference);

    /** Grades a reply against the task's gold answer. */
    default Outcome grade(String reply, Task task) {
        Optional<String> answer = extract(reply);
        return new Outcome(answer, answer.map(a -> equivalent(a, task.gold())).orElse(false));
    }
}
