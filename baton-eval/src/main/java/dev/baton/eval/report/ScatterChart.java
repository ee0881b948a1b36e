package dev.baton.eval.report;

import dev.baton.eval.EvalReport;
import dev.baton.eval.EvalRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Draws every conductor of a table as accuracy against mean cost per question, cost on a log scale because
 * workers' prices span three decades. Learned and baseline conductors get labelled points, solo workers
 * anonymous dots (named on hover), and the oracle a dashed ceiling.
 */
final class ScatterChart {

    static final int WIDTH = 880;
    static final int HEIGHT = 470;
    private static final Map<RowKind, String> COLOURS = Map.of(
            RowKind.LEARNED, "#d55e00", RowKind.BEST_SOLO, "#0072b2", RowKind.VOTE, "#009e73",
            RowKind.MOA, "#cc79a7", RowKind.RANDOM, "#7a8794", RowKind.ORACLE, "#1f2933",
            RowKind.SOLO, "#aab4bf", RowKind.OTHER, "#e69f00");
    private static final Map<RowKind, String> LEGEND_NAMES = Map.of(
            RowKind.LEARNED, "learned", RowKind.BEST_SOLO, "best solo", RowKind.VOTE, "vote",
            RowKind.MOA, "mixture of agents", RowKind.RANDOM, "random", RowKind.SOLO, "solo workers",
            RowKind.OTHER, "other");

    private ScatterChart() {
    }

    /** Returns the chart's SVG, or empty when no row has a positive cost to place on the log axis. */
    static Optional<String> render(EvalReport report) {
        // A free conductor has no place on a log axis; the table beside the chart still lists it.
        List<EvalRow> plotted = report.rows().stream()
                .filter(row -> RowKind.of(row.conductor()) != RowKind.ORACLE && row.meanCostUsd() > 0)
                .toList();
        if (plotted.isEmpty()) {
            return Optional.empty();
        }
        double low = plotted.stream().mapToDouble(EvalRow::meanCostUsd).min().orElseThrow();
        double high = plotted.stream().mapToDouble(EvalRow::meanCostUsd).max().orElseThrow();
        Axis xAxis = Axis.log(low, high);
        Axis yAxis = Axis.fixed(0, 100);
        SvgChart chart = new SvgChart("Accuracy against mean cost per question, " + report.benchmark(),
                WIDTH, HEIGHT, 40, 24, 52, 64);
        chart.axes(xAxis, yAxis, "mean cost per question (USD, log scale)", "accuracy (%)");
        LabelPlacer labels = new LabelPlacer(chart.plotLeft() + 2, chart.plotTop() + 2, chart.plotRight() - 2,
                chart.plotBottom() - 2);

        Map<RowKind, String> legend = new LinkedHashMap<>();
        Optional<EvalRow> oracle = report.rows().stream()
                .filter(row -> RowKind.of(row.conductor()) == RowKind.ORACLE).findFirst();
        oracle.ifPresent(row -> {
            double py = chart.y(yAxis, row.accuracy());
            chart.line(chart.plotLeft(), py, chart.plotRight(), py, COLOURS.get(RowKind.ORACLE), 1.5, "6 5");
            String text = "oracle " + Figures.percent(row.accuracy()) + "%";
            chart.text(chart.plotRight() - 6, py - 6, text, "end", COLOURS.get(RowKind.ORACLE), null);
            labels.occupy(chart.plotLeft(), py - 2, chart.plotRight(), py + 2);
            labels.occupy(chart.plotRight() - 6 - text.length() * SvgChart.CHAR_WIDTH, py - 18, chart.plotRight(), py - 2);
        });

        // Dots first, so the labelled points and their labels are drawn over them.
        for (EvalRow row : plotted) {
            RowKind kind = RowKind.of(row.conductor());
            if (!kind.notable()) {
                double px = chart.x(xAxis, row.meanCostUsd());
                double py = chart.y(yAxis, row.accuracy());
                chart.circle(px, py, 3.5, COLOURS.get(kind), null, tooltip(row));
                labels.occupy(px, py, 3.5);
                legend.putIfAbsent(kind, COLOURS.get(kind));
            }
        }
        List<EvalRow> notable = new ArrayList<>(plotted.stream().filter(row -> RowKind.of(row.conductor()).notable()).toList());
        // Learned rows sort last so they are drawn on top, and are labelled first (reversed) so they get the best spot.
        notable.sort(Comparator.comparing(row -> RowKind.of(row.conductor()) == RowKind.LEARNED));
        for (EvalRow row : notable) {
            double px = chart.x(xAxis, row.meanCostUsd());
            double py = chart.y(yAxis, row.accuracy());
            labels.occupy(px, py, 7);
            for (double ci = row.ciLow(); ci <= row.ciHigh(); ci += 1) {
                labels.occupy(px, chart.y(yAxis, ci), 1.5);
            }
        }
        // By identity: two rows may share a conductor name (the same spec asked twice).
        Map<EvalRow, LabelPlacer.Placement> placements = new IdentityHashMap<>();
        for (EvalRow row : notable.reversed()) {
            double px = chart.x(xAxis, row.meanCostUsd());
            double py = chart.y(yAxis, row.accuracy());
            placements.put(row, labels.place(px, py, row.conductor(), 10));
        }
        for (EvalRow row : notable) {
            RowKind kind = RowKind.of(row.conductor());
            String colour = COLOURS.get(kind);
            double px = chart.x(xAxis, row.meanCostUsd());
            // The 95% interval as a whisker: a difference inside it is not worth reading into.
            chart.line(px, chart.y(yAxis, row.ciLow()), px, chart.y(yAxis, row.ciHigh()), colour, 1.5, null);
            double radius = kind == RowKind.LEARNED ? 7 : 5.5;
            chart.circle(px, chart.y(yAxis, row.accuracy()), radius, colour, "#ffffff", tooltip(row));
            LabelPlacer.Placement at = placements.get(row);
            chart.label(at.x(), at.y(), row.conductor(), at.anchor(), kind == RowKind.LEARNED ? colour : SvgChart.INK,
                    kind == RowKind.LEARNED ? "600" : null);
            legend.putIfAbsent(kind, colour);
        }
        List<SvgChart.LegendEntry> entries = new ArrayList<>();
        for (RowKind kind : RowKind.values()) {
            if (legend.containsKey(kind)) {
                entries.add(new SvgChart.LegendEntry(LEGEND_NAMES.get(kind), legend.get(kind), SvgChart.Mark.DOT));
            }
        }
        oracle.ifPresent(row -> entries.add(new SvgChart.LegendEntry("oracle", COLOURS.get(RowKind.ORACLE), SvgChart.Mark.DASHED)));
        chart.legend(entries);
        return Optional.of(chart.finish());
    }

    private static String tooltip(EvalRow row) {
        return row.conductor() + ": " + Figures.percent(row.accuracy()) + "% at " + Figures.usd(row.meanCostUsd())
                + " per question";
    }
}
