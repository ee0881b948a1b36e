package dev.baton.eval.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Counts as horizontal bars, largest on top, each labelled with its count and share of the total. */
final class UsageChart {

    static final String WORKER_COLOUR = "#0072b2";
    static final String ROLE_COLOUR = "#009e73";
    private static final int MAX_LABEL_CHARS = 28;

    private UsageChart() {
    }

    /**
     * Returns the option; the page gives it {@link #height} pixels.
     *
     * @param counts the bars' names and lengths; must not be empty
     */
    static ObjectNode option(String title, Map<String, Integer> counts, String colour) {
        List<Map.Entry<String, Integer>> bars = sorted(counts);
        long total = bars.stream().mapToLong(Map.Entry::getValue).sum();
        int longest = bars.stream().mapToInt(bar -> shorten(bar.getKey()).length()).max().orElse(1);
        ObjectNode option = ChartJson.option(title);
        option.remove("legend");
        option.putObject("tooltip").put("trigger", "item").put("confine", true);
        option.set("grid", ChartJson.MAPPER.createObjectNode().put("left", 12 + longest * 6.5).put("right", 90)
                .put("top", 34).put("bottom", 46));
        option.set("xAxis", ChartJson.valueAxis("value", "calls", false).put("minInterval", 1).put("nameGap", 26));
        // Zooming a handful of bars helps no one; saving the picture does.
        option.with("toolbox").with("feature").remove(List.of("dataZoom", "restore"));
        ObjectNode yAxis = ChartJson.MAPPER.createObjectNode().put("type", "category").put("inverse", true);
        ArrayNode names = yAxis.putArray("data");
        bars.forEach(bar -> names.add(shorten(bar.getKey())));
        yAxis.putObject("axisLabel").put("interval", 0).put("color", ChartJson.INK);
        option.set("yAxis", yAxis);
        ObjectNode series = option.putArray("series").addObject().put("type", "bar").put("name", title)
                .put("barMaxWidth", 16).put("color", colour);
        series.putObject("label").put("show", true).put("position", "right").put("color", ChartJson.MUTED);
        ArrayNode data = series.putArray("data");
        for (Map.Entry<String, Integer> bar : bars) {
            String share = total == 0 ? "" : " (" + Math.round(100.0 * bar.getValue() / total) + "%)";
            ObjectNode item = data.addObject().put("name", bar.getKey()).put("value", bar.getValue())
                    .put("tip", bar.getKey() + ": " + bar.getValue() + " calls" + share);
            item.putObject("label").put("formatter", bar.getValue() + share);
        }
        return option;
    }

    /** Returns the height in pixels that gives each bar a row of its own. */
    static int height(Map<String, Integer> counts) {
        return 80 + 24 * counts.size();
    }

    private static List<Map.Entry<String, Integer>> sorted(Map<String, Integer> counts) {
        List<Map.Entry<String, Integer>> bars = new ArrayList<>(counts.entrySet());
        bars.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()));
        return bars;
    }

    /** Cuts long names so bars and points keep the room; the tooltip has the full name. */
    private static String shorten(String name) {
        return shorten(name, MAX_LABEL_CHARS);
    }

    /** Returns the name cut to {@code max} characters, an ellipsis marking the cut. */
    static String shorten(String name, int max) {
        return name.length() <= max ? name : name.substring(0, max - 1) + "\u2026";
    }
}
