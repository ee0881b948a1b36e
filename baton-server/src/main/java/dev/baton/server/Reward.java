package dev.baton.server;

import dev.baton.client.Answer;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One workflow judged: what a {@code POST /v1/rewards} answers with.
 *
 * @param traceId  the id of the stored trace ({@code GET /v1/traces/{id}})
 * @param mode     the rule the reward follows
 * @param reward   the reward
 * @param workflow the workflow read, in canonical three-list text; empty when none could be read
 * @param repairs  the slips repaired while reading, each located as {@code line:column}
 * @param error    why no workflow could be read, located; empty when one was
 * @param answer   Baton's answer with its trace (no calls when nothing ran)
 * @param extracted the final answer the grader read from the answer's text
 * @param correct  whether the grader judged it right
 */
record Reward(String traceId, RewardMode mode, double reward, Optional<String> workflow, List<String> repairs,
              Optional<String> error, Answer answer, Optional<String> extracted, boolean correct) {

    Reward {
        Objects.requireNonNull(traceId, "traceId");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(workflow, "workflow");
        repairs = List.copyOf(repairs);
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(extracted, "extracted");
    }

    /** Returns whether a workflow was read (and so ran). */
    boolean parsed() {
        return workflow.isPresent();
    }
}
