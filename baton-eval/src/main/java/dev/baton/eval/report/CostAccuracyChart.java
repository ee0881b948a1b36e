package dev.baton.eval.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.eval.EvalRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Accuracy against mean cost per question, cost on a log axis because workers' prices span three decades: every
 * conductor of the table as a point, one legend entry per kind (so a reader can hide the thirty solo workers), the
 * learned conductor's cost-penalty sweep as a line through its points — the frontier it offers — and the oracle as
 * a dashed ceiling. Labels sit beside their points; ECharts shifts labels that would collide and hides the ones
 * that still would, and every point names itself on hover.
 */
final class CostAccuracyChart {

    /** One legend entry: a kind of conductor, how it is drawn, and whether its points carry labels. */
    private record Group(String name, String colour, int size, boolean labelled) {
    }

    private static final Group LEARNED = new Group("learned", "#d55e00", 13, true);
    private static final Group LEARNED_OTHER = new Group("learned: controls and ablations", "#e9a46f", 9, true);
    private static final Group BEST_SOLO = new Group("best solo", "#0072b2", 10, true);
    private static final Group VOTE = new Group("vote", "#009e73", 10, true);
    private static final Group MOA = new Group("mixture of agents", "#cc79a7", 10, true);
    private static final Group CASCADE = new Group("cascade", "#56b4e9", 10, true);
    private static final Group RANDOM = new Group("random", "#7a8794", 9, true);
    private static final Group SOLO = new Group("solo workers", "#aab4bf", 7, false);
    private static final Group OTHER = new Group("other", "#e69f00", 9, true);
    private static final String FRONTIER_COLOUR = "#d55e00";
    static final String FRONTIER = "learned frontier (sweep of \u03bb and call cap)";
    static final String BELOW_FRONTIER = "learned, below the frontier";
    static final String ORACLE = "oracle ceiling";

    private CostAccuracyChart() {
    }

    /** Returns the chart's option, or empty when no row has a positive cost to place on the log axis. */
    static Optional<ObjectNode> option(BenchmarkSection section) {
        // A free conductor has no place on a log axis; the table beside the chart still lists it.
        List<EvalRow> plotted = section.table().rows().stream()
                .filter(row -> RowKind.of(row.conductor()) != RowKind.ORACLE && row.meanCostUsd() > 0).toList();
        List<KnobPoint> knob = section.knobPoints().stream().filter(point -> point.meanCostUsd() > 0)
                .sorted(Comparator.comparingDouble(KnobPoint::meanCostUsd)).toList();
        if (plotted.isEmpty() && knob.isEmpty()) {
            return Optional.empty();
        }
        Optional<EvalRow> oracle = section.table().rows().stream()
                .filter(row -> RowKind.of(row.conductor()) == RowKind.ORACLE).findFirst();

        ObjectNode option = ChartJson.option("Accuracy against mean cost per question, " + section.benchmark());
        option.set("grid", ChartJson.grid(64, 40).put("top", 96));
        option.putObject("tooltip").put("trigger", "item").put("confine", true);
        option.set("xAxis", ChartJson.valueAxis("log", "mean cost per question (USD, log scale)", false));
        ObjectNode yAxis = ChartJson.valueAxis("value", "accuracy (%)", true);
        // The axis fits the points (and the oracle), in steps of five, so points in 76–100 are not squeezed into a band.
        List<Double> ys = new ArrayList<>();
        plotted.forEach(row -> ys.add(row.accuracy()));
        knob.forEach(point -> ys.add(point.accuracy()));
        oracle.ifPresent(row -> ys.add(row.accuracy()));
        double low = ys.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double high = ys.stream().mapToDouble(Double::doubleValue).max().orElse(100);
        yAxis.put("min", Math.max(0, Math.floor((low - 2) / 5) * 5)).put("max", Math.min(100, Math.ceil((high + 2) / 5) * 5));
        // Its lowest label would sit on the log axis' first label, in the corner both axes share.
        yAxis.putObject("axisLabel").put("showMinLabel", false);
        option.set("yAxis", yAxis);
        ChartJson.zoomBothAxes(option);

        ArrayNode series = option.putArray("series");
        Map<Group, List<EvalRow>> groups = new LinkedHashMap<>();
        for (EvalRow row : plotted) {
            groups.computeIfAbsent(group(row.conductor()), g -> new ArrayList<>()).add(row);
        }
        // Most important first: where two labels would collide, the page keeps the earlier series' label.
        // Drawing order is set by each series' z, so the learned points still sit on top.
        if (groups.containsKey(LEARNED)) {
            series.add(scatter(LEARNED, groups.get(LEARNED)));
        }
        if (!knob.isEmpty()) {
            List<KnobPoint> onFrontier = knob.stream().filter(point -> knob.stream().noneMatch(other -> dominates(other, point))).toList();
            series.add(frontier(onFrontier));
            List<KnobPoint> below = knob.stream().filter(point -> !onFrontier.contains(point)).toList();
            if (!below.isEmpty()) {
                series.add(belowFrontier(below));
            }
        }
        for (Group group : List.of(BEST_SOLO, VOTE, MOA, CASCADE, RANDOM, LEARNED_OTHER, OTHER, SOLO)) {
            if (groups.containsKey(group)) {
                series.add(scatter(group, groups.get(group)));
            }
        }
        oracle.ifPresent(row -> series.add(oracle(row)));
        return Optional.of(option);
    }

    /** Returns the legend entry a conductor's point belongs to. */
    static String groupName(String conductor) {
        return group(conductor).name();
    }

    private static Group group(String conductor) {
        return switch (RowKind.of(conductor)) {
            case LEARNED -> conductor.startsWith("learned (") && !conductor.contains(" without ") ? LEARNED : LEARNED_OTHER;
            case BEST_SOLO -> BEST_SOLO;
            case VOTE -> VOTE;
            case MOA -> MOA;
            case CASCADE -> CASCADE;
            case RANDOM -> RANDOM;
            case SOLO -> SOLO;
            case ORACLE, OTHER -> OTHER;
        };
    }

    private static ObjectNode scatter(Group group, List<EvalRow> rows) {
        ObjectNode series = ChartJson.MAPPER.createObjectNode().put("type", "scatter").put("name", group.name())
                .put("symbolSize", group.size()).put("z", group == LEARNED ? 5 : group == SOLO ? 2 : 3);
        series.putObject("itemStyle").put("color", group.colour()).put("borderColor", "#ffffff").put("borderWidth", 1);
        ObjectNode label = series.putObject("label").put("show", group.labelled()).put("position", "right")
                .put("distance", 6).put("formatter", "{b}").put("fontSize", 11)
                .put("color", group == LEARNED ? group.colour() : ChartJson.INK);
        if (group == LEARNED) {
            label.put("fontWeight", 600);
        }
        // Labels stay beside their points; of two that would collide the more important stays and the other hides,
        // one hover away; zooming in gives them room and shows them again.
        series.putObject("labelLayout").put("hideOverlap", true);
        ArrayNode data = series.putArray("data");
        for (EvalRow row : rows) {
            ObjectNode point = data.addObject().put("name", UsageChart.shorten(row.conductor(), 40));
            point.putArray("value").add(row.meanCostUsd()).add(row.accuracy());
            point.put("tip", row.conductor() + "\naccuracy " + Figures.percent(row.accuracy()) + "% (95% CI "
                    + Figures.percent(row.ciLow()) + "\u2013" + Figures.percent(row.ciHigh()) + ")\n"
                    + Figures.usd(row.meanCostUsd()) + " per question \u00b7 " + Figures.format("%.2f", row.meanCalls())
                    + " calls");
        }
        return series;
    }

    /** Whether {@code a} is at least as accurate as {@code b} for no more money, and better on one of the two. */
    static boolean dominates(KnobPoint a, KnobPoint b) {
        return a.meanCostUsd() <= b.meanCostUsd() && a.accuracy() >= b.accuracy()
                && (a.meanCostUsd() < b.meanCostUsd() || a.accuracy() > b.accuracy());
    }

    /** Settings of the sweep another setting beats on both axes: drawn hollow, off the line. */
    private static ObjectNode belowFrontier(List<KnobPoint> below) {
        return sweepSeries("scatter", BELOW_FRONTIER, "emptyDiamond", below, "\nanother setting is as accurate for less");
    }

    /**
     * The sweep's settings no other beats on both axes, joined cheapest first: what accuracy each budget buys from the
     * learned conductor.
     */
    private static ObjectNode frontier(List<KnobPoint> knob) {
        ObjectNode series = sweepSeries("line", FRONTIER, "diamond", knob, "");
        series.putObject("lineStyle").put("color", FRONTIER_COLOUR).put("width", 2).put("type", "solid");
        return series;
    }

    /** Settings of the sweep as diamonds in the learned conductor's colour, labelled below, named on hover. */
    private static ObjectNode sweepSeries(String type, String name, String symbol, List<KnobPoint> points, String note) {
        ObjectNode series = ChartJson.MAPPER.createObjectNode().put("type", type).put("name", name)
                .put("symbol", symbol).put("symbolSize", 9).put("z", 4);
        series.putObject("itemStyle").put("color", FRONTIER_COLOUR);
        series.putObject("label").put("show", true).put("position", "bottom").put("formatter", "{b}")
                .put("fontSize", 10).put("color", FRONTIER_COLOUR);
        series.putObject("labelLayout").put("hideOverlap", true);
        ArrayNode data = series.putArray("data");
        for (KnobPoint point : points) {
            ObjectNode item = data.addObject().put("name", point.label());
            item.putArray("value").add(point.meanCostUsd()).add(point.accuracy());
            item.put("tip", "learned at " + point.label() + "\naccuracy " + Figures.percent(point.accuracy()) + "%\n"
                    + Figures.usd(point.meanCostUsd()) + " per question \u00b7 " + Figures.format("%.2f", point.meanCalls())
                    + " calls" + note);
        }
        return series;
    }

    /** The oracle as a dashed horizontal line: no conductor that routes each question to one worker can pass it. */
    private static ObjectNode oracle(EvalRow row) {
        ObjectNode series = ChartJson.MAPPER.createObjectNode().put("type", "scatter").put("name", ORACLE);
        series.putObject("itemStyle").put("color", ChartJson.INK);
        series.putArray("data");
        ObjectNode markLine = series.putObject("markLine").put("symbol", "none").put("silent", true);
        markLine.putObject("lineStyle").put("color", ChartJson.INK).put("type", "dashed").put("width", 1.5);
        markLine.putObject("label").put("position", "insideEndTop").put("color", ChartJson.INK)
                .put("formatter", "oracle " + Figures.percent(row.accuracy()) + "%");
        markLine.putArray("data").addObject().put("yAxis", row.accuracy());
        return series;
    }
}
