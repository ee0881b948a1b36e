package dev.baton.learn.train;

import dev.baton.execute.Trace;
import dev.baton.learn.policy.PlanState;

/**
 * One sampled workflow for one question, run and graded.
 *
 * @param group   index of its question in the iteration (rollouts of one question form a GRPO group)
 * @param plan    the choices made
 * @param trace   what ran
 * @param correct whether the final answer was right
 * @param reward  correct minus lambda times cost
 */
record Rollout(int group, PlanState plan, Trace trace, boolean correct, double reward) {

    /** Returns a rollout's reward: 1 for a right answer, 0 for a wrong one, minus lambda times what it cost in USD. */
    static double reward(boolean correct, double costUsd, double lambda) {
        return (correct ? 1.0 : 0.0) - lambda * costUsd;
    }
}
