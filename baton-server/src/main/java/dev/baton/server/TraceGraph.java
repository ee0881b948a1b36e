package dev.baton.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A trace as an ECharts graph: each call a node (planning calls too), an edge from every step a call saw to the call.
 * The trace JSON does not keep a step's access list, so what a step saw is read back from its messages: the executor
 * hands a step the replies it sees, in order (earlier rounds' first, then this round's), as assistant turns, so
 * matching those turns against earlier replies in that order recovers the edges; identical replies are attributed
 * to the earliest step that could have given them.
 */
final class TraceGraph {

    /** One call of the trace, as a node. */
    record Node(String id, JsonNode call, boolean planning, int round, int step) {
    }

    /** An edge: {@code from} was shown to {@code to}; planning edges lead from a round's plan to its steps. */
    record Edge(String from, String to, boolean planning) {
    }

    /** Where {@link #layout()} puts a node: x grows with the flow, y is the place within its column. */
    record Point(double x, double y) {
    }

    /** Apart enough for a node's label (170 wide) beside the next column, and under it before the next row. */
    static final double COLUMN = 190;
    static final double ROW = 90;
    private static final double ROUND_GAP = 40;

    private final List<Node> nodes = new ArrayList<>();
    private final List<Edge> edges = new ArrayList<>();

    private TraceGraph() {
    }

    /** Reads the graph out of a trace as {@code TraceJson} wrote it. */
    static TraceGraph of(JsonNode trace) {
        TraceGraph graph = new TraceGraph();
        Map<Integer, List<Node>> plans = new HashMap<>();
        int planIndex = 0;
        for (JsonNode call : trace.path("planning")) {
            Node node = new Node("plan-" + planIndex++, call, true, call.path("round").asInt(), call.path("step").asInt());
            graph.nodes.add(node);
            plans.computeIfAbsent(node.round(), r -> new ArrayList<>()).add(node);
        }
        List<Node> steps = new ArrayList<>();
        for (JsonNode call : trace.path("steps")) {
            Node node = new Node(stepId(call.path("round").asInt(), call.path("step").asInt()), call, false,
                    call.path("round").asInt(), call.path("step").asInt());
            steps.add(node);
            graph.nodes.add(node);
        }
        for (Node step : steps) {
            plans.getOrDefault(step.round(), List.of()).forEach(plan -> graph.edges.add(new Edge(plan.id(), step.id(), true)));
            graph.edges.addAll(seen(step, steps));
        }
        return graph;
    }

    /** Returns the id a step's node and its detail card share. */
    static String stepId(int round, int step) {
        return "step-" + round + "-" + step;
    }

    List<Node> nodes() {
        return nodes;
    }

    List<Edge> edges() {
        return edges;
    }

    /** Matches the step's assistant turns, in order, against the replies it could have been shown, in the same order. */
    private static List<Edge> seen(Node step, List<Node> steps) {
        List<String> shown = new ArrayList<>();
        for (JsonNode message : step.call().path("messages")) {
            if (message.path("role").asText().equals("assistant")) {
                shown.add(message.path("text").asText());
            }
        }
        List<Node> candidates = new ArrayList<>();
        steps.stream().filter(other -> other.round() < step.round()).forEach(candidates::add);
        steps.stream().filter(other -> other.round() == step.round() && other.step() < step.step()).forEach(candidates::add);
        List<Edge> edges = new ArrayList<>();
        int next = 0;
        for (Node candidate : candidates) {
            if (next < shown.size() && candidate.call().has("reply") && candidate.call().get("reply").asText().equals(shown.get(next))) {
                edges.add(new Edge(candidate.id(), step.id(), false));
                next++;
            }
        }
        return edges;
    }

    /**
     * Places every node, in the option's units (pixels when the chart has room): rounds left to right; in a round its
     * planning calls first, then its steps in columns by depth (a step goes one column right of the deepest step of
     * its round that it saw), so every arrow points right. Each column is stacked about one line, so a chain reads as
     * a row and a fan-out stays level with what it fans out from; the page scales the whole to fit its chart.
     */
    Map<String, Point> layout() {
        Map<String, Node> byId = new HashMap<>();
        nodes.forEach(node -> byId.put(node.id(), node));
        Map<String, Point> places = new LinkedHashMap<>();
        Map<String, Integer> depth = new HashMap<>();
        double x = 0;
        int rounds = nodes.stream().mapToInt(Node::round).max().orElse(-1) + 1;
        for (int round = 0; round < rounds; round++) {
            int r = round;
            List<List<Node>> columns = new ArrayList<>();
            List<Node> plans = nodes.stream().filter(n -> n.planning() && n.round() == r).toList();
            if (!plans.isEmpty()) {
                columns.add(plans);
            }
            int first = columns.size();
            for (Node node : nodes.stream().filter(n -> !n.planning() && n.round() == r).toList()) {
                int d = edges.stream().filter(e -> !e.planning() && e.to().equals(node.id()) && byId.get(e.from()).round() == r)
                        .mapToInt(e -> depth.getOrDefault(e.from(), 0) + 1).max().orElse(0);
                depth.put(node.id(), d);
                while (columns.size() <= first + d) {
                    columns.add(new ArrayList<>());
                }
                columns.get(first + d).add(node);
            }
            for (List<Node> column : columns) {
                for (int i = 0; i < column.size(); i++) {
                    places.put(column.get(i).id(), new Point(x, (i - (column.size() - 1) / 2.0) * ROW));
                }
                x += COLUMN;
            }
            x += ROUND_GAP;
        }
        return places;
    }

    /** Returns the ECharts option: the graph as {@link #layout()} places it; the page fits it to the chart's size. */
    ObjectNode option() {
        Map<String, Point> places = layout();
        ObjectNode option = Json.object();
        option.put("animation", false);
        option.putObject("tooltip").put("trigger", "item").put("confine", true);
        ArrayNode categories = option.putArray("legend").addObject().put("top", 0).putArray("data");
        List<String> names = List.of("answered", "cached", "failed", "skipped", "planning");
        names.forEach(categories::add);
        ObjectNode series = option.putArray("series").addObject().put("type", "graph").put("layout", "none")
                .put("roam", true).put("symbolSize", 34).put("symbolKeepAspect", true).put("edgeSymbolSize", 9);
        // No box here: ECharts maps the layout onto whatever box it is given, stretched, or (with only the height
        // fixed) as wide as the aspect asks, off the canvas for a chain. The page sets a box of the layout's aspect.
        series.putArray("edgeSymbol").add("none").add("arrow");
        series.putObject("label").put("show", true).put("position", "bottom").put("formatter", "{b}").put("fontSize", 11)
                .put("width", 170).put("overflow", "truncate");
        series.putObject("lineStyle").put("width", 1.5).put("color", "#7a8794").put("curveness", 0.08);
        ArrayNode categoryList = series.putArray("categories");
        List<String> colours = List.of("#0072b2", "#009e73", "#b42318", "#aab4bf", "#d55e00");
        for (int i = 0; i < names.size(); i++) {
            categoryList.addObject().put("name", names.get(i)).putObject("itemStyle").put("color", colours.get(i));
        }
        ArrayNode data = series.putArray("data");
        for (Node node : nodes) {
            JsonNode call = node.call();
            String status = call.path("status").asText("answered");
            String category = node.planning() ? "planning" : status.equals("answered") && call.path("cached").asBoolean() ? "cached" : status;
            ObjectNode item = data.addObject().put("id", node.id())
                    .put("name", (node.planning() ? "plan: " : "#" + node.step() + " ") + call.path("worker").asText())
                    .put("x", places.get(node.id()).x()).put("y", places.get(node.id()).y())
                    .put("category", names.indexOf(category)).put("tip", tip(node));
            if (node.planning()) {
                item.put("symbol", "roundRect");
            }
        }
        ArrayNode links = series.putArray("links");
        for (Edge edge : edges) {
            ObjectNode link = links.addObject().put("source", edge.from()).put("target", edge.to());
            if (edge.planning()) {
                link.putObject("lineStyle").put("type", "dashed").put("color", "#d55e00");
            }
        }
        return option;
    }

    /** The node's hover text: who, what, and how it went; plain text, escaped by the page's formatter. */
    private static String tip(Node node) {
        JsonNode call = node.call();
        StringBuilder tip = new StringBuilder();
        tip.append(node.planning() ? "planning call, round " : "round ").append(node.round() + 1)
                .append(node.planning() ? "" : ", step " + node.step()).append('\n')
                .append("worker: ").append(call.path("worker").asText()).append('\n')
                .append("subtask: ").append(TracePages.shorten(call.path("subtask").asText(), 120)).append('\n')
                .append("status: ").append(call.path("status").asText());
        if (call.has("input_tokens")) {
            tip.append(String.format(Locale.ROOT, "%ntokens: %d in, %d out%ncost: $%.6f%nlatency: %d ms",
                    call.get("input_tokens").asLong(), call.get("output_tokens").asLong(), call.get("cost_usd").asDouble(),
                    call.get("latency_ms").asLong()));
        }
        return tip.toString();
    }
}
