package dev.baton.eval.report;

/**
 * The learned conductor trained with one cost penalty.
 *
 * @param label       how the point is labelled, for example {@code λ=10}
 * @param lambda      the cost penalty's weight
 * @param accuracy    percent of test tasks answered correctly
 * @param meanCostUsd USD per task
 * @param meanCalls   worker calls per task
 */
public record KnobPoint(String label, double lambda, double accuracy, double meanCostUsd, double meanCalls) {

    public KnobPoint {
        Checks.notBlank("label", label);
        Checks.nonNegative("lambda", lambda);
        Checks.percent("accuracy", accuracy);
        Checks.nonNegative("meanCostUsd", meanCostUsd);
        Checks.nonNegative("meanCalls", meanCalls);
    }
}
