package dev.baton.eval.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Draws counts as horizontal bars, largest first, each with its count and share of the total. */
final class BarChart {

    private static final double ROW = 24;
    private static final double BAR = 16;
    private static final int MAX_LABEL_CHARS = 28;

    private BarChart() {
    }

    /**
     * Returns the chart's SVG; its height grows with the number of bars.
     *
     * @param counts the bars' names and lengths; must not be empty
     * @param xTitle what the counts count
     */
    static String render(String title, Map<String, Integer> counts, String xTitle, int width, String colour) {
        List<Map.Entry<String, Integer>> bars = new ArrayList<>(counts.entrySet());
        bars.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()));
        long total = bars.stream().mapToLong(Map.Entry::getValue).sum();
        int longest = bars.stream().mapToInt(bar -> shorten(bar.getKey()).length()).max().orElse(1);
        double left = 14 + longest * SvgChart.CHAR_WIDTH;
        int height = (int) Math.ceil(12 + bars.size() * ROW + 52);
        SvgChart chart = new SvgChart(title, width, height, 12, 78, 52, left);
        int max = bars.stream().mapToInt(Map.Entry::getValue).max().orElse(0);
        // About one tick per 55 pixels keeps the tick labels apart on narrow charts.
        Axis xAxis = Axis.linear(0, Math.max(1, max), Math.max(3, (int) ((width - left - 78) / 55)));
        chart.axes(xAxis, null, xTitle, "");
        for (int i = 0; i < bars.size(); i++) {
            Map.Entry<String, Integer> bar = bars.get(i);
            double top = chart.plotTop() + i * ROW + (ROW - BAR) / 2;
            double length = chart.x(xAxis, bar.getValue()) - chart.plotLeft();
            String share = total == 0 ? "" : " (" + Math.round(100.0 * bar.getValue() / total) + "%)";
            chart.rect(chart.plotLeft(), top, length, BAR, colour, bar.getKey() + ": " + bar.getValue() + share);
            chart.text(chart.plotLeft() - 8, top + BAR - 4, shorten(bar.getKey()), "end", SvgChart.INK, null);
            chart.text(chart.plotLeft() + length + 6, top + BAR - 4, bar.getValue() + share, "start", SvgChart.MUTED, null);
        }
        return chart.finish();
    }

    /** Cuts long worker names so the bars keep most of the width; the bar's tooltip has the full name. */
    private static String shorten(String name) {
        return name.length() <= MAX_LABEL_CHARS ? name : name.substring(0, MAX_LABEL_CHARS - 1) + "\u2026";
    }
}
