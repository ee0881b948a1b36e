package dev.baton.conduct.baseline;

import dev.baton.workflow.Step;

/** The instructions the baseline conductors give their steps. */
final class Subtasks {

    static final String SOLVE = "Solve the problem. Think step by step, then give the final answer.";
    static final String AGGREGATE = "Several attempts at this problem are above. Check them, resolve any "
            + "disagreement, and give the single correct final answer.";

    /** Returns a step that solves the problem alone. */
    static Step solve(String workerId) {
        return Step.independent(workerId, SOLVE).withRole("solve");
    }

    /** Returns a step that sees every attempt above and aggregates them. */
    static Step aggregate(String workerId) {
        return Step.seeingAll(workerId, AGGREGATE).withRole("aggregate");
    }

    private Subtasks() {
    }
}
