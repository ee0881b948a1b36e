package dev.baton.conduct.baseline;

/** The instructions the baseline conductors give their steps. */
final class Subtasks {

    static final String SOLVE = "Solve the problem. Think step by step, then give the final answer.";
    static final String AGGREGATE = "Several attempts at this problem are above. Check them, resolve any "
            + "disagreement, and give the single correct final answer.";

    private Subtasks() {
    }
}
