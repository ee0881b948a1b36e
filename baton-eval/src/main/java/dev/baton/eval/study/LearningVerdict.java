package dev.baton.eval.study;

import dev.baton.eval.EvalRow;
import dev.baton.eval.report.Finding;
import java.util.Locale;

/**
 * Whether training taught the policy anything, judged on the objective it maximises (accuracy − λ × cost per
 * question, on the test split): the trained policy must beat both the untrained one and the control trained with
 * rewards shuffled across questions — the control has the same updates but no link between a plan and its reward,
 * so beating it shows the reward carried the learning, not the update machinery.
 *
 * @param lambda    the cost penalty, USD → reward
 * @param trained   the trained policy's row
 * @param untrained the untrained policy's row
 * @param control   the shuffled-reward control's row
 */
record LearningVerdict(double lambda, EvalRow trained, EvalRow untrained, EvalRow control) {

    /** Returns the mean reward GRPO maximises for a row: right (1) or wrong (0), minus lambda times the cost. */
    double objective(EvalRow row) {
        return row.accuracy() / 100 - lambda * row.meanCostUsd();
    }

    /** Returns whether the trained policy beats both the untrained policy and the shuffled-reward control. */
    boolean learned() {
        return objective(trained) > objective(untrained) && objective(trained) > objective(control);
    }

    /** Returns the verdict as a finding, with the margins. */
    Finding finding() {
        double t = objective(trained);
        return Finding.of(learned() ? "learning is real" : "learning is NOT shown", String.format(Locale.ROOT,
                "The training objective (accuracy - lambda x cost, lambda=%s) on test is %.3f trained, %+.3f against the "
                        + "untrained policy (%.3f) and %+.3f against the shuffled-reward control (%.3f); accuracy %.1f%% "
                        + "trained, %.1f%% untrained, %.1f%% for the control.",
                fmt(lambda), t, t - objective(untrained), objective(untrained), t - objective(control), objective(control),
                trained.accuracy(), untrained.accuracy(), control.accuracy()));
    }

    private static String fmt(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.3g", value);
    }
}
