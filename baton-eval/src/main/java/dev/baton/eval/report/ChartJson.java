package dev.baton.eval.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The pieces every ECharts option of the report shares: the JSON factory, the toolbox (zoom, reset, save as PNG),
 * zooming by wheel and drag, and the axis titles. Options are plain JSON, never script: the page's small glue
 * script adds the tooltip formatters that escape what they show.
 */
final class ChartJson {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String INK = "#1f2933";
    static final String MUTED = "#6b7785";

    private ChartJson() {
    }

    /** Returns an empty option with a title, a legend that toggles series, and the toolbox. */
    static ObjectNode option(String title) {
        ObjectNode option = MAPPER.createObjectNode();
        option.putObject("title").put("text", title).put("left", 0).put("top", 0)
                .putObject("textStyle").put("fontSize", 14).put("fontWeight", 600).put("color", INK);
        // A plain legend wraps onto a second line rather than paging, so every entry stays one click away.
        option.putObject("legend").put("type", "plain").put("top", 26).put("left", 0).put("right", 8);
        ObjectNode feature = option.putObject("toolbox").put("right", 8).put("top", 0).putObject("feature");
        feature.putObject("dataZoom");
        feature.putObject("restore");
        feature.putObject("saveAsImage").put("pixelRatio", 2);
        option.put("animation", false);
        return option;
    }

    /** Adds zooming by mouse wheel and drag on both axes; points outside the window stay, so lines do not break. */
    static void zoomBothAxes(ObjectNode option) {
        ArrayNode zoom = option.putArray("dataZoom");
        zoom.addObject().put("type", "inside").put("xAxisIndex", 0).put("filterMode", "none");
        zoom.addObject().put("type", "inside").put("yAxisIndex", 0).put("filterMode", "none");
    }

    /** Returns a value axis with its title along it. */
    static ObjectNode valueAxis(String type, String name, boolean vertical) {
        ObjectNode axis = MAPPER.createObjectNode().put("type", type).put("name", name)
                .put("nameLocation", "middle").put("nameGap", vertical ? 44 : 30);
        axis.putObject("nameTextStyle").put("color", MUTED);
        axis.putObject("splitLine").put("show", true).putObject("lineStyle").put("color", "#eef1f5");
        return axis;
    }

    /** Returns the plot area's margins: room for the title and legend above and the axis titles. */
    static ObjectNode grid(int left, int right) {
        return MAPPER.createObjectNode().put("left", left).put("right", right).put("top", 70).put("bottom", 52)
                .put("containLabel", false);
    }
}
