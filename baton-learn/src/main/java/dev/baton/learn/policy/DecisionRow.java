package dev.baton.learn.policy;

import java.util.Objects;

/**
 * One choice the policy made, with everything needed to score it again during training.
 *
 * @param features  the input the choice was made from
 * @param kind      what was chosen
 * @param action    the option taken (0/1 for binary choices, a worker or role index otherwise)
 * @param available the workers that could be chosen (meaningful for {@link DecisionKind#WORKER} only)
 * @param logProb   log-probability of the action under the policy that sampled it
 */
public record DecisionRow(float[] features, DecisionKind kind, int action, boolean[] available, float logProb) {

    public DecisionRow {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(available, "available");
    }
}
