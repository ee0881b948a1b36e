package dev.baton.eval.report;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/** Chooses axes and series for each chart of a benchmark section; a chart with nothing to show is empty. */
final class SectionCharts {

    /** Width of a bar chart; two sit side by side in the page's column. */
    static final int BAR_WIDTH = 430;
    private static final String WORKER_COLOUR = "#0072b2";
    private static final String ROLE_COLOUR = "#009e73";

    private SectionCharts() {
    }

    /** Returns accuracy against cost for every conductor in the table. */
    static Optional<String> costAccuracy(BenchmarkSection section) {
        return ScatterChart.render(section.table());
    }

    /** Returns the mean reward per iteration, one line per curve. */
    static Optional<String> reward(BenchmarkSection section) {
        return curves(section, "Reward per training iteration", "Reward", "mean reward", CurvePoint::reward);
    }

    /** Returns the accuracy per iteration, one line per curve. */
    static Optional<String> accuracy(BenchmarkSection section) {
        return curves(section, "Accuracy per training iteration", "Accuracy", "accuracy (%)", CurvePoint::accuracy);
    }

    /** Returns the learned conductor's accuracy against cost at each cost penalty, joined in penalty order. */
    static Optional<String> costKnob(BenchmarkSection section) {
        // Free points cannot sit on a log axis; they are rare (a penalty so high nothing is called) and listed in the table.
        List<KnobPoint> points = section.knobPoints().stream().filter(point -> point.meanCostUsd() > 0)
                .sorted(Comparator.comparingDouble(KnobPoint::lambda)).toList();
        if (points.isEmpty()) {
            return Optional.empty();
        }
        Axis xAxis = Axis.log(points.stream().mapToDouble(KnobPoint::meanCostUsd).min().orElseThrow(),
                points.stream().mapToDouble(KnobPoint::meanCostUsd).max().orElseThrow());
        Axis yAxis = Axis.linear(points.stream().mapToDouble(KnobPoint::accuracy).min().orElseThrow(),
                points.stream().mapToDouble(KnobPoint::accuracy).max().orElseThrow());
        List<LineChart.XY> xy = points.stream()
                .map(point -> new LineChart.XY(point.meanCostUsd(), point.accuracy(), point.label())).toList();
        return Optional.of(LineChart.render("Accuracy against cost at each cost penalty, " + section.benchmark(), "",
                xAxis, yAxis, "mean cost per question (USD, log scale)", "accuracy (%)",
                List.of(new LineChart.Series("learned, by cost penalty", xy)), true, 1));
    }

    /** Returns calls per worker of the learned conductor. */
    static Optional<String> workerUsage(BenchmarkSection section) {
        return section.workerUsage().isEmpty() ? Optional.empty() : Optional.of(BarChart.render(
                "Calls per worker, " + section.benchmark(), section.workerUsage(), "calls", BAR_WIDTH, WORKER_COLOUR));
    }

    /** Returns calls per role of the learned conductor. */
    static Optional<String> roleUsage(BenchmarkSection section) {
        return section.roleUsage().isEmpty() ? Optional.empty() : Optional.of(BarChart.render(
                "Calls per role, " + section.benchmark(), section.roleUsage(), "calls", BAR_WIDTH, ROLE_COLOUR));
    }

    private static Optional<String> curves(BenchmarkSection section, String title, String heading, String yTitle,
                                           ToDoubleFunction<CurvePoint> value) {
        List<LearningCurve> curves = section.curves().stream().filter(curve -> !curve.points().isEmpty()).toList();
        if (curves.isEmpty()) {
            return Optional.empty();
        }
        List<CurvePoint> all = curves.stream().flatMap(curve -> curve.points().stream()).toList();
        Axis xAxis = Axis.linear(all.stream().mapToInt(CurvePoint::iteration).min().orElseThrow(),
                all.stream().mapToInt(CurvePoint::iteration).max().orElseThrow());
        Axis yAxis = Axis.linear(all.stream().mapToDouble(value).min().orElseThrow(),
                all.stream().mapToDouble(value).max().orElseThrow());
        List<LineChart.Series> series = curves.stream().map(curve -> new LineChart.Series(curve.name(),
                curve.points().stream().map(p -> new LineChart.XY(p.iteration(), value.applyAsDouble(p), "")).toList()))
                .toList();
        int longest = curves.stream().mapToInt(curve -> curve.points().size()).max().orElse(0);
        // Per-iteration figures from small batches are noisy; a moving average over ~5% of the run shows the trend.
        int window = longest >= 40 ? longest / 20 : 1;
        return Optional.of(LineChart.render(title + ", " + section.benchmark(), heading, xAxis, yAxis, "iteration", yTitle,
                series, false, window));
    }
}
