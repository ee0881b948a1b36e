package dev.baton.learn.policy;

/**
 * The sizes that fix a policy network's parameters.
 *
 * @param questionDim     dimension of the question embedding
 * @param workers         workers of the training pool (the pointer's universe; a task may offer a subset)
 * @param roles           roles the role head chooses from
 * @param maxSteps        most steps in the first round (the paper's 5)
 * @param laterRoundSteps most steps each later round may add
 * @param maxRounds       most rounds, the first included (1 = no look at the result)
 * @param hidden          width of the policy's two hidden layers
 * @param keyDim          dimension of the learned worker vectors the pointer compares against
 */
public record PolicyShape(int questionDim, int workers, int roles, int maxSteps, int laterRoundSteps, int maxRounds,
                          int hidden, int keyDim) {

    /** Number of features describing what the rounds so far produced (see {@code RoundSummary}). */
    public static final int SUMMARY_FEATURES = 11;
    /**
     * Descriptor features per worker, fixed when the policy is trained: log input and output price, and the worker's
     * accuracy alone on the training questions.
     */
    public static final int DESCRIPTOR_FEATURES = 3;
    /**
     * Features the pointer reads per worker and choice: the descriptor, then where the worker stands among those the
     * choice may still use (accuracy behind the best of them, whether it is the best, price above the cheapest). The
     * relative features are what lets one policy pick the best worker of a pool it never saw as a whole.
     */
    public static final int WORKER_FEATURES = DESCRIPTOR_FEATURES + 3;

    public PolicyShape {
        if (questionDim < 1 || workers < 1 || roles < 1 || maxSteps < 1 || laterRoundSteps < 0 || maxRounds < 1
                || hidden < 1 || keyDim < 1) {
            throw new IllegalArgumentException("every policy size must be positive: " + this);
        }
    }

    /** Returns the same sizes with one more worker: the shape of a policy a calibrated worker joined. */
    public PolicyShape withOneMoreWorker() {
        return new PolicyShape(questionDim, workers + 1, roles, maxSteps, laterRoundSteps, maxRounds, hidden, keyDim);
    }

    /** Returns how many step positions a round can have: the one-hot "which step of the round" width. */
    public int stepSlots() {
        return Math.max(maxSteps, laterRoundSteps);
    }

    /** Returns the length of the feature vector of one decision. */
    public int featureCount() {
        return questionDim                  // the question
                + 3 * workers               // available, used so far, chosen for this step
                + 2 * roles                 // roles used so far, chosen for this step
                + stepSlots() + maxRounds   // which step of which round
                + SUMMARY_FEATURES          // what the earlier rounds produced (zeros during round 1)
                + DecisionKind.values().length; // which choice is being made
    }
}
