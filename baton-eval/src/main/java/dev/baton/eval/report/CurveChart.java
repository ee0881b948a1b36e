package dev.baton.eval.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * A learning curve per training run as ECharts lines: per-iteration figures faint, their centred moving average bold.
 * Both lines of a run share its name, so one legend entry shows or hides the run.
 */
final class CurveChart {

    private static final List<String> COLOURS = List.of("#d55e00", "#0072b2", "#009e73", "#cc79a7", "#e69f00", "#56b4e9");
    /** Marks a moving-average series' id, so the tooltip can tell the two lines of a run apart. */
    static final String AVERAGE = "|average";

    private CurveChart() {
    }

    /** Returns the mean reward per iteration, one run per legend entry. */
    static Optional<ObjectNode> reward(BenchmarkSection section) {
        return option(section, "Reward per training iteration, " + section.benchmark(), "mean reward", CurvePoint::reward);
    }

    /** Returns the accuracy per iteration, one run per legend entry. */
    static Optional<ObjectNode> accuracy(BenchmarkSection section) {
        return option(section, "Accuracy per training iteration, " + section.benchmark(), "accuracy (%)", CurvePoint::accuracy);
    }

    private static Optional<ObjectNode> option(BenchmarkSection section, String title, String yTitle,
                                               ToDoubleFunction<CurvePoint> value) {
        List<LearningCurve> curves = section.curves().stream().filter(curve -> !curve.points().isEmpty()).toList();
        if (curves.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode option = ChartJson.option(title);
        option.set("grid", ChartJson.grid(64, 24));
        option.putObject("tooltip").put("trigger", "axis").put("confine", true);
        option.set("xAxis", ChartJson.valueAxis("value", "iteration", false));
        // Fit the data: rewards may be negative, and accuracy seldom spans 0 to 100.
        option.set("yAxis", ChartJson.valueAxis("value", yTitle, true).put("scale", true));
        ChartJson.zoomBothAxes(option);
        ArrayNode series = option.putArray("series");
        int longest = curves.stream().mapToInt(curve -> curve.points().size()).max().orElse(0);
        // Per-iteration figures from small batches are noisy; a moving average over ~5% of the run shows the trend.
        int window = longest >= 40 ? longest / 20 : 1;
        for (int c = 0; c < curves.size(); c++) {
            LearningCurve curve = curves.get(c);
            String colour = COLOURS.get(c % COLOURS.size());
            List<double[]> raw = curve.points().stream()
                    .map(p -> new double[] {p.iteration(), value.applyAsDouble(p)}).toList();
            if (window > 1) {
                series.add(line(curve.name(), curve.name(), colour, 1, 0.35, raw));
                series.add(line(curve.name(), curve.name() + AVERAGE, colour, 2.5, 1, movingAverage(raw, window)));
            } else {
                series.add(line(curve.name(), curve.name(), colour, 2, 1, raw));
            }
        }
        return Optional.of(option);
    }

    private static ObjectNode line(String name, String id, String colour, double width, double opacity, List<double[]> points) {
        ObjectNode series = ChartJson.MAPPER.createObjectNode().put("type", "line").put("name", name).put("id", id)
                .put("showSymbol", false).put("color", colour);
        series.putObject("lineStyle").put("width", width).put("opacity", opacity).put("color", colour);
        ArrayNode data = series.putArray("data");
        points.forEach(p -> data.addArray().add(p[0]).add(round(p[1])));
        return series;
    }

    /** Returns the centred moving average over {@code window} points; near the ends it averages what there is. */
    static List<double[]> movingAverage(List<double[]> points, int window) {
        int half = window / 2;
        return java.util.stream.IntStream.range(0, points.size()).mapToObj(i -> {
            int from = Math.max(0, i - half);
            int to = Math.min(points.size() - 1, i + half);
            double sum = 0;
            for (int j = from; j <= to; j++) {
                sum += points.get(j)[1];
            }
            return new double[] {points.get(i)[0], sum / (to - from + 1)};
        }).toList();
    }

    /** Four decimals are plenty for a chart and keep the page small. */
    private static double round(double value) {
        return Math.round(value * 1e4) / 1e4;
    }
}
