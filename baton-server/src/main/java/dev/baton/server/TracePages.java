package dev.baton.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.io.Html;
import dev.baton.store.StoredTrace;
import java.util.List;
import java.util.Locale;

/**
 * The trace viewer's HTML, rendered on the server: the list of recent requests and one request's workflow. Every
 * text that came from a client or a worker (question, answer, subtask, reply) is escaped; the graph's data travels
 * as JSON in a non-executing script element and is shown through a formatter that escapes it again.
 */
final class TracePages {

    private static final String STYLE = """
            :root { --ink: #1f2933; --muted: #6b7785; --line: #e4e8ee; --bg: #f5f6f8; --card: #fff; --bad: #b42318; }
            * { box-sizing: border-box; }
            body { margin: 0; background: var(--bg); color: var(--ink); font: 14px/1.5 system-ui, sans-serif; }
            main { max-width: 1180px; margin: 0 auto; padding: 24px 20px 48px; }
            h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 17px; margin: 24px 0 8px; }
            a { color: #0b5cad; }
            .meta { color: var(--muted); margin: 0 0 12px; }
            table { border-collapse: collapse; width: 100%; background: var(--card); border: 1px solid var(--line); }
            th, td { padding: 6px 10px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
            th { background: #eef1f5; font-size: 13px; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            td.text { max-width: 420px; overflow-wrap: anywhere; white-space: pre-wrap; }
            .empty { color: var(--muted); font-style: italic; }
            #graph { height: 420px; background: var(--card); border: 1px solid var(--line); border-radius: 8px; }
            .call { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; margin: 10px 0; }
            .call h3 { margin: 0 0 6px; font-size: 14px; }
            .call.failed { border-color: var(--bad); }
            .call dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0 0 6px; font-size: 13px; }
            .call dt { color: var(--muted); }
            pre { background: #1f2933; color: #e9edf2; border-radius: 6px; padding: 8px 12px; white-space: pre-wrap;
                  overflow-wrap: anywhere; font: 12.5px/1.5 ui-monospace, Menlo, Consolas, monospace; margin: 4px 0; }
            .answer { background: #e3f4ea; border-radius: 6px; padding: 8px 12px; white-space: pre-wrap; overflow-wrap: anywhere; }
            """;

    private TracePages() {
    }

    /** Returns a whole page around {@code body}; with {@code charts} it loads ECharts from {@code /ui/echarts.min.js}. */
    static String page(String title, String body, boolean charts) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<link rel=\"icon\" href=\"data:,\"/>\n<title>" + Html.escape(title)
                + " \u00b7 Baton</title>\n<style>\n" + STYLE + "</style>\n"
                + (charts ? "<script src=\"/ui/echarts.min.js\"></script>\n" : "") + "</head>\n<body>\n<main>\n" + body
                + "</main>\n</body>\n</html>\n";
    }

    /** Returns the page a failure under {@code /ui} is answered with: the status and what went wrong. */
    static String error(int status, String message) {
        return page("Error " + status, "<p><a href=\"/ui\">\u2190 recent requests</a></p>\n<h1>Error " + status
                + "</h1>\n<p class=\"empty\">" + Html.escape(message) + "</p>\n", false);
    }

    /** Returns the list of recent requests, newest first. */
    static String list(List<StoredTrace> traces) {
        StringBuilder body = new StringBuilder("<h1>Recent requests</h1>\n<p class=\"meta\">The ")
                .append(traces.size()).append(" most recent requests this server answered, newest first. ")
                .append("Open one to see its workflow.</p>\n");
        if (traces.isEmpty()) {
            return page("Recent requests", body.append("<p class=\"empty\">No request yet.</p>\n").toString(), false);
        }
        body.append("<table id=\"traces\">\n<thead><tr><th>when (UTC)</th><th>model</th><th>question</th><th>answer</th>")
                .append("<th>calls</th><th>cost USD</th><th>latency</th></tr></thead>\n<tbody>\n");
        for (StoredTrace trace : traces) {
            String link = "/ui/traces/" + urlPart(trace.id());
            body.append("<tr><td class=\"num\"><a href=\"").append(Html.escape(link)).append("\">")
                    .append(Html.escape(trace.created().toString().replace('T', ' ').replaceFirst("\\.\\d+Z$", "Z")))
                    .append("</a></td><td>").append(Html.escape(trace.model())).append("</td><td class=\"text\"><a href=\"")
                    .append(Html.escape(link)).append("\">").append(Html.escape(shorten(trace.question(), 200))).append("</a></td><td class=\"text\">")
                    .append(Html.escape(trace.answer().map(a -> shorten(a, 80)).orElse("(none)"))).append("</td><td class=\"num\">")
                    .append(trace.calls()).append("</td><td class=\"num\">").append(String.format(Locale.ROOT, "%.6f", trace.costUsd()))
                    .append("</td><td class=\"num\">").append(trace.latency().toMillis()).append(" ms</td></tr>\n");
        }
        body.append("</tbody>\n</table>\n");
        return page("Recent requests", body.toString(), false);
    }

    /** Returns one request: its question and answer, its workflow as a graph, then every call in detail. */
    static String trace(StoredTrace stored, JsonNode trace) {
        StringBuilder body = new StringBuilder("<p><a href=\"/ui\">\u2190 recent requests</a></p>\n<h1>Request ")
                .append(Html.escape(stored.id())).append("</h1>\n<p class=\"meta\">").append(Html.escape(stored.model()))
                .append(" \u00b7 ").append(stored.calls()).append(" calls \u00b7 $")
                .append(String.format(Locale.ROOT, "%.6f", stored.costUsd())).append(" \u00b7 ")
                .append(stored.latency().toMillis()).append(" ms \u00b7 ").append(trace.path("rounds").asInt())
                .append(" round(s)</p>\n<h2>Question</h2>\n<pre id=\"question\">").append(Html.escape(stored.question()))
                .append("</pre>\n<h2>Answer</h2>\n<div class=\"answer\" id=\"answer\">")
                .append(Html.escape(stored.answer().orElse("(no answer)"))).append("</div>\n");
        TraceGraph graph = TraceGraph.of(trace);
        body.append("<h2>Workflow</h2>\n<p class=\"meta\">Each node is a call; an arrow shows a reply that a later call ")
                .append("saw; dashed arrows lead from a planning call to the steps it planned. Hover for details, click to ")
                .append("jump to the call, scroll to zoom, drag to pan.</p>\n<div id=\"graph\"></div>\n")
                .append("<script type=\"application/json\" id=\"graph-option\">")
                .append(Json.write(graph.option()).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))
                .append("</script>\n<script>").append(GRAPH_SCRIPT_TEXT).append("</script>\n");
        body.append("<h2>Calls</h2>\n");
        for (TraceGraph.Node node : graph.nodes()) {
            call(body, node);
        }
        return page("Request " + stored.id(), body.toString(), true);
    }

    private static void call(StringBuilder body, TraceGraph.Node node) {
        JsonNode call = node.call();
        String status = call.path("status").asText();
        body.append("<section class=\"call ").append(Html.escape(status)).append("\" id=\"").append(Html.escape(node.id()))
                .append("\">\n<h3>").append(node.planning() ? "Planning call" : "Step " + node.step()).append(", round ")
                .append(node.round() + 1).append(": ").append(Html.escape(call.path("worker").asText())).append("</h3>\n<dl>");
        term(body, "subtask", call.path("subtask").asText());
        if (call.has("role")) {
            term(body, "role", call.get("role").asText());
        }
        term(body, "status", status);
        if (call.has("input_tokens")) {
            term(body, "tokens", call.get("input_tokens").asLong() + " in, " + call.get("output_tokens").asLong() + " out");
            term(body, "cost", String.format(Locale.ROOT, "$%.6f", call.get("cost_usd").asDouble()));
            term(body, "latency", call.get("latency_ms").asLong() + " ms");
            term(body, "cached", call.path("cached").asBoolean() ? "yes" : "no");
        }
        term(body, "attempts", call.path("attempts").asInt() + " (" + Math.max(0, call.path("attempts").asInt() - 1) + " retries)");
        term(body, "started", "+" + call.path("started_ms").asLong() + " ms");
        if (call.has("error")) {
            term(body, "error", call.get("error").asText() + " (" + call.path("error_kind").asText() + ")");
        }
        if (call.has("reason")) {
            term(body, "skipped", call.get("reason").asText());
        }
        body.append("</dl>\n");
        if (call.has("reply")) {
            body.append("<pre class=\"reply\">").append(Html.escape(call.get("reply").asText())).append("</pre>\n");
        }
        body.append("</section>\n");
    }

    private static void term(StringBuilder body, String name, String value) {
        body.append("<dt>").append(Html.escape(name)).append("</dt><dd>").append(Html.escape(value)).append("</dd>");
    }

    /** Returns the text cut to {@code max} characters, an ellipsis marking the cut. */
    static String shorten(String text, int max) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= max ? line : line.substring(0, max - 1) + "\u2026";
    }

    /** Trace ids are generated by the server, but a link must not trust that: anything but [A-Za-z0-9_-] is encoded. */
    private static String urlPart(String id) {
        return java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Draws the graph; tooltips escape what they show, a click scrolls to the call's card. */
    private static final String GRAPH_SCRIPT = """
            (function () {
              'use strict';
              var element = document.getElementById('graph');
              if (typeof echarts === 'undefined') {
                element.textContent = 'The graph needs /ui/echarts.min.js; every call is listed below.';
                return;
              }
              var option = JSON.parse(document.getElementById('graph-option').textContent);
              var entities = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'};
              function esc(text) { return String(text).replace(/[&<>"']/g, function (c) { return entities[c]; }); }
              option.tooltip.formatter = function (p) {
                return p.dataType === 'node' ? esc(p.data.tip).replace(/\\n/g, '<br/>') : '';
              };
              // The layout's units are pixels: the chart grows with the layout's height (within bounds), and the
              // graph is centred in it at its own size, shrunk in a direction only where the chart is too small, so a
              // narrow chart keeps its rows apart. ECharts scales its box's two sides alike or stretches the nodes
              // with them, so columns are drawn closer in the data and the box keeps the data's aspect; it widens a
              // flat layout (a chain, one column) to 2 units, and the box does the same.
              var series = option.series[0], labelWidth = series.label.width;
              var laid = series.data.map(function (node) { return {x: node.x, y: node.y}; });
              function span(values) {
                return values.length ? (Math.max.apply(null, values) - Math.min.apply(null, values)) || 2 : 2;
              }
              var spanX = span(laid.map(function (p) { return p.x; })), spanY = span(laid.map(function (p) { return p.y; }));
              var SIDE = 95, TOP = 56, BOTTOM = 44; // the legend above; half a node and its label around the outer nodes
              element.style.height = Math.min(640, Math.max(240, spanY + TOP + BOTTOM)) + 'px';
              function fit() {
                var width = element.clientWidth - 2 * SIDE, height = element.clientHeight - TOP - BOTTOM;
                var scaleX = Math.max(0.05, Math.min(1, width / spanX)), scaleY = Math.max(0.05, Math.min(1, height / spanY));
                var data = series.data.map(function (node, i) {
                  return Object.assign({}, node, {x: laid[i].x * scaleX / scaleY});
                });
                var dataSpanX = span(data.map(function (node) { return node.x; }));
                return {data: data, left: (element.clientWidth - dataSpanX * scaleY) / 2, top: TOP + (height - spanY * scaleY) / 2,
                  width: dataSpanX * scaleY, height: spanY * scaleY, label: {width: Math.max(40, Math.floor(labelWidth * scaleX))}};
              }
              var chart = echarts.init(element, null, {renderer: 'svg'});
              chart.setOption(option);
              chart.setOption({series: [fit()]});
              chart.on('click', function (p) {
                if (p.dataType === 'node') {
                  var card = document.getElementById(p.data.id);
                  if (card) { card.scrollIntoView({behavior: 'smooth'}); }
                }
              });
              window.batonGraph = chart;
              window.addEventListener('resize', function () {
                chart.setOption({series: [fit()]});
                chart.resize();
              });
            })();
            """;

    // The page's one inline script, exactly as written into the page: the policy names it by its hash.
    private static final String GRAPH_SCRIPT_TEXT = "\n" + GRAPH_SCRIPT;

    /**
     * The Content-Security-Policy of every viewer answer: scripts only from the viewer's own address
     * ({@code /ui/echarts.min.js}) or the graph script inline, named by its hash; nothing loaded from elsewhere; no
     * frame may show it. A question or reply that slipped past escaping still could not run. Inline styles stay
     * allowed: ECharts styles the elements it draws, and a style runs no code.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self' " + hash(GRAPH_SCRIPT_TEXT)
            + "; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'";

    private static String hash(String text) {
        return "'sha256-" + java.util.Base64.getEncoder().encodeToString(dev.baton.task.Sha256.of(text)) + "'";
    }
}
