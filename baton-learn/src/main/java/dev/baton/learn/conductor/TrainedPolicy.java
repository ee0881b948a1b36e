package dev.baton.learn.conductor;

import dev.baton.learn.policy.PolicyShape;
import dev.baton.learn.role.RoleSet;
import java.util.Map;
import java.util.Objects;

/**
 * Everything needed to plan with a trained policy, and nothing about how it was trained: the workers it knows,
 * the encoder it reads, the roles it writes, its sizes and limits, its weights. A training checkpoint holds one
 * (see {@code Checkpoint#policy()}); the conductor needs only this.
 *
 * @param workers       the training pool, in pointer order
 * @param encoderId     the sentence encoder whose embeddings it reads
 * @param roles         the roles its role head indexes
 * @param shape         the network's sizes, with the step and round caps
 * @param maxTotalCalls cap on calls per question, all rounds together
 * @param answerRule    how the conductor reads a workflow's answer (what the policy was trained for)
 * @param parameters    the network's parameters by name
 */
public record TrainedPolicy(WorkerIndex workers, String encoderId, RoleSet roles, PolicyShape shape, int maxTotalCalls,
                            AnswerRule answerRule, Map<String, float[]> parameters) {

    public TrainedPolicy {
        Objects.requireNonNull(workers, "workers");
        Objects.requireNonNull(encoderId, "encoderId");
        Objects.requireNonNull(roles, "roles");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(answerRule, "answerRule");
        Objects.requireNonNull(parameters, "parameters");
        if (maxTotalCalls < 1) {
            throw new IllegalArgumentException("the call cap must be at least 1: " + maxTotalCalls);
        }
    }
}
