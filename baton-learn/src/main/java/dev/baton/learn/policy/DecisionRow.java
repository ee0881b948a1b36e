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
 * @param accuracy  each worker's measured accuracy on questions like this one (its subject), or empty for the
 *                  descriptors' overall accuracy
 */
public record DecisionRow(float[] features, DecisionKind kind, int action, boolean[] available, float logProb, float[] accuracy) {

    /** A row that reads the workers' overall accuracy. */
    public DecisionRow(float[] features, DecisionKind kind, int action, boolean[] available, float logProb) {
        this(features, kind, action, available, logProb, new float[0]);
    }

    public DecisionRow {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(available, "available");
        Objects.requireNonNull(accuracy, "accuracy");
    }
}
