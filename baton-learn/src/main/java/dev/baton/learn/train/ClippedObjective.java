package dev.baton.learn.train;

import ai.djl.ndarray.NDArray;

/**
 * PPO's clipped policy-ratio objective, as GRPO uses it: for each choice, the smaller of ratio x advantage and
 * clip(ratio, 1 - epsilon, 1 + epsilon) x advantage, where ratio = exp(new log-probability - old). Taking the
 * smaller is what makes it a pessimistic bound: a choice already made more likely than the clip allows earns no
 * further gradient, whichever sign its advantage has.
 */
final class ClippedObjective {

    private ClippedObjective() {
    }

    /**
     * Returns the loss to minimise: minus the mean clipped objective over all choices.
     *
     * @param logProb    the policy's log-probability of each choice now (carrying gradients)
     * @param oldLogProb the log-probability when the choice was sampled
     * @param advantage  each choice's advantage
     * @param clip       epsilon, the clipping range of the ratio
     */
    static NDArray loss(NDArray logProb, NDArray oldLogProb, NDArray advantage, double clip) {
        NDArray ratio = logProb.sub(oldLogProb).exp();
        NDArray unclipped = ratio.mul(advantage);
        NDArray clipped = ratio.clip(1 - clip, 1 + clip).mul(advantage);
        return unclipped.minimum(clipped).mean().neg();
    }
}
