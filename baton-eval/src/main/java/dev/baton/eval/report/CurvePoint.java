package dev.baton.eval.report;

/**
 * One evaluation of the conductor during training.
 *
 * @param iteration   the training iteration the figures were taken at, from 0
 * @param reward      the mean reward of that iteration's batch
 * @param accuracy    percent of tasks answered correctly
 * @param meanCostUsd USD per task
 * @param meanCalls   worker calls per task
 */
public record CurvePoint(int iteration, double reward, double accuracy, double meanCostUsd, double meanCalls) {

    public CurvePoint {
        if (iteration < 0) {
            throw new IllegalArgumentException("iteration must not be negative: " + iteration);
        }
        Checks.finite("reward", reward);
        Checks.percent("accuracy", accuracy);
        Checks.nonNegative("meanCostUsd", meanCostUsd);
        Checks.nonNegative("meanCalls", meanCalls);
    }
}
