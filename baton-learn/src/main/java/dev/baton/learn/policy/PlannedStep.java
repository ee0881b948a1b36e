package dev.baton.learn.policy;

/**
 * One step the policy decided on.
 *
 * @param worker   index of the worker in the training pool
 * @param role     index of the role
 * @param seesAll  whether the step sees every earlier step (the paper's {@code ["all"]})
 */
public record PlannedStep(int worker, int role, boolean seesAll) {
}
