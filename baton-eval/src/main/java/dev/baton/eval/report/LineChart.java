package dev.baton.eval.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Draws one line per series on shared axes, with a legend; optionally marks and labels the points, and
 * optionally smooths noisy series (the raw line stays, faint, under its moving average).
 */
final class LineChart {

    static final int WIDTH = 880;
    static final int HEIGHT = 340;

    private LineChart() {
    }

    /**
     * Returns the chart's SVG.
     *
     * @param heading      a short name written above the plot's top-left corner; empty for none
     * @param series       the lines, each taking the next colour of {@link SvgChart#SERIES_COLOURS}
     * @param markers      whether each point gets a dot and, if it has one, its label
     * @param smoothWindow points per moving average; 1 or less draws the raw lines only
     */
    static String render(String title, String heading, Axis xAxis, Axis yAxis, String xTitle, String yTitle,
                         List<Series> series, boolean markers, int smoothWindow) {
        SvgChart chart = new SvgChart(title, WIDTH, HEIGHT, 40, 24, 52, 64);
        chart.axes(xAxis, yAxis, xTitle, yTitle);
        if (!heading.isEmpty()) {
            chart.text(chart.plotLeft(), chart.plotTop() - 14, heading, "start", SvgChart.INK, "600");
        }
        LabelPlacer labels = new LabelPlacer(chart.plotLeft() + 2, chart.plotTop() + 2, chart.plotRight() - 2,
                chart.plotBottom() - 2);
        List<SvgChart.LegendEntry> legend = new ArrayList<>();
        for (int s = 0; s < series.size(); s++) {
            Series line = series.get(s);
            String colour = SvgChart.SERIES_COLOURS.get(s % SvgChart.SERIES_COLOURS.size());
            List<double[]> raw = pixels(chart, xAxis, yAxis, line.points());
            if (smoothWindow > 1 && line.points().size() > smoothWindow) {
                chart.polyline(raw, colour, 1, 0.3);
                chart.polyline(pixels(chart, xAxis, yAxis, movingAverage(line.points(), smoothWindow)), colour, 2.5, 1);
            } else {
                chart.polyline(raw, colour, 2.5, 1);
            }
            if (markers) {
                raw.forEach(point -> labels.occupy(point[0], point[1], 5));
                occupySegments(labels, raw);
                for (int i = 0; i < raw.size(); i++) {
                    chart.circle(raw.get(i)[0], raw.get(i)[1], 5, colour, "#ffffff", null);
                }
            }
            legend.add(new SvgChart.LegendEntry(line.name(), colour, SvgChart.Mark.LINE));
        }
        if (markers) {
            for (Series line : series) {
                for (XY point : line.points()) {
                    if (!point.label().isEmpty()) {
                        double px = chart.x(xAxis, point.x());
                        double py = chart.y(yAxis, point.y());
                        LabelPlacer.Placement at = labels.place(px, py, point.label(), 9);
                        chart.label(at.x(), at.y(), point.label(), at.anchor(), SvgChart.INK, "600");
                    }
                }
            }
        }
        chart.legend(legend);
        return chart.finish();
    }

    /** Marks the line between marked points as taken, so labels do not sit on it. */
    private static void occupySegments(LabelPlacer labels, List<double[]> points) {
        for (int i = 1; i < points.size(); i++) {
            double[] a = points.get(i - 1);
            double[] b = points.get(i);
            int steps = (int) Math.ceil(Math.hypot(b[0] - a[0], b[1] - a[1]) / 6);
            for (int k = 1; k < steps; k++) {
                double t = (double) k / steps;
                labels.occupy(a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]), 2);
            }
        }
    }

    private static List<double[]> pixels(SvgChart chart, Axis xAxis, Axis yAxis, List<XY> points) {
        return points.stream().map(p -> new double[] {chart.x(xAxis, p.x()), chart.y(yAxis, p.y())}).toList();
    }

    /**
     * Averages each point with its neighbours, half the window on each side, so the smooth line neither lags
     * nor leads the raw one; near the ends the window shrinks to what exists.
     */
    static List<XY> movingAverage(List<XY> points, int window) {
        int half = window / 2;
        double[] prefix = new double[points.size() + 1];
        for (int i = 0; i < points.size(); i++) {
            prefix[i + 1] = prefix[i] + points.get(i).y();
        }
        List<XY> smooth = new ArrayList<>(points.size());
        for (int i = 0; i < points.size(); i++) {
            int from = Math.max(0, i - half);
            int to = Math.min(points.size(), i + half + 1);
            smooth.add(new XY(points.get(i).x(), (prefix[to] - prefix[from]) / (to - from), ""));
        }
        return smooth;
    }

    /** One named line. */
    record Series(String name, List<XY> points) {
        Series {
            points = List.copyOf(points);
        }
    }

    /** One point of a line; {@code label} is empty for none. */
    record XY(double x, double y, String label) {
    }
}
