package dev.baton.eval.report;

import java.util.List;

/**
 * One named training run's progress, for example {@code trained} or {@code shuffled-reward control}.
 *
 * @param name   the legend entry
 * @param points the evaluations, in strictly increasing iteration order
 */
public record LearningCurve(String name, List<CurvePoint> points) {

    public LearningCurve {
        Checks.notBlank("name", name);
        points = List.copyOf(points);
        // A line chart joins points in list order; out-of-order iterations would draw a scribble.
        for (int i = 1; i < points.size(); i++) {
            if (points.get(i).iteration() <= points.get(i - 1).iteration()) {
                throw new IllegalArgumentException("curve '" + name + "': iterations must increase, got "
                        + points.get(i - 1).iteration() + " then " + points.get(i).iteration());
            }
        }
    }
}
