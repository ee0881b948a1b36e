package dev.baton.eval.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.io.Html;
import dev.baton.web.EChartsScript;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The charts of one page: each is placed as an empty {@code div} where it belongs, and the page ends with their
 * options as JSON, ECharts itself and a small glue script, all inline, so the file needs nothing but a browser.
 */
final class ChartSet {

    private static final String GLUE = resource("report-charts.js");

    private final ArrayNode options = ChartJson.MAPPER.createArrayNode();

    /** Appends the chart's place to the page. */
    void place(StringBuilder out, ObjectNode option, int heightPx) {
        int index = options.size();
        options.add(option);
        String title = option.path("title").path("text").asText("chart");
        out.append("<div class=\"chart\" data-chart=\"").append(index).append("\" style=\"height: ").append(heightPx)
                .append("px\" role=\"img\" aria-label=\"").append(Html.escape(title)).append("\"></div>\n");
    }

    /** Appends the scripts that draw the placed charts; nothing when none was placed. */
    void scripts(StringBuilder out) {
        if (options.isEmpty()) {
            return;
        }
        out.append("<script type=\"application/json\" id=\"baton-chart-options\">").append(scriptSafe(json()))
                .append("</script>\n<script>\n").append(EChartsScript.source()).append("\n</script>\n<script>\n")
                .append(GLUE).append("</script>\n");
    }

    /** Returns how many charts were placed. */
    int size() {
        return options.size();
    }

    /**
     * Returns JSON that cannot end its {@code <script>} element early: {@code <}, {@code >} and {@code &} occur only
     * inside JSON strings, where their {@code \}{@code u} escapes mean the same.
     */
    static String scriptSafe(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    private String json() {
        try {
            return ChartJson.MAPPER.writeValueAsString(options);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e); // a tree of strings and numbers always serializes
        }
    }

    private static String resource(String name) {
        try (InputStream in = ChartSet.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing beside " + ChartSet.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
