package dev.baton.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.eval.browser.HeadlessChrome;
import dev.baton.store.StoredTrace;
import dev.baton.task.Task;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

/** The trace viewer as a person uses it: a request is made, then found and opened in headless Chromium. */
class TraceViewerInBrowserTest {

    private static final String KEY = "sk-browser-test";

    @Test
    void aRequestIsListedAndItsTraceDrawsEveryStep() {
        ServerSettings settings = ServerSettings.loopback(0).withApiKeys(List.of(KEY));
        try (ServerFixture fixture = new ServerFixture(settings, List.of("moa:top3"));
             HeadlessChrome chrome = HeadlessChrome.start()) {
            Task task = ServerFixture.recordedTask();
            String id = ServerFixture.json(fixture.post("/v1/chat/completions", ServerFixture.chat("moa:top3", task.question()),
                    "Authorization", "Bearer " + KEY)).get("id").asText();
            String base = "http://127.0.0.1:" + fixture.server.port();

            chrome.driver().get(base + "/ui?key=" + KEY);

            // The key went into a cookie and out of the address bar.
            assertThat(chrome.driver().getCurrentUrl()).isEqualTo(base + "/ui");
            WebElement row = chrome.driver().findElement(By.cssSelector("#traces tbody tr"));
            assertThat(row.getText()).contains("moa:top3", task.question().strip().substring(0, 20));
            chrome.screenshot("viewer-list");

            row.findElement(By.cssSelector("a[href='/ui/traces/" + id + "']")).click();
            chrome.waitFor("return !!window.batonGraph;");

            assertThat(chrome.consoleErrors()).isEmpty();
            assertThat(chrome.driver().findElement(By.id("question")).getText()).isEqualTo(task.question().strip());
            Object nodes = chrome.script("return window.batonGraph.getOption().series[0].data.length;");
            Object links = chrome.script("return window.batonGraph.getOption().series[0].links.length;");
            assertThat(((Number) nodes).intValue()).isEqualTo(4);
            assertThat(((Number) links).intValue()).isEqualTo(3);
            // The graph is drawn: each node's label is in the SVG.
            assertThat(chrome.driver().findElement(By.id("graph")).findElements(By.tagName("text")).stream()
                    .map(WebElement::getText).filter(text -> text.startsWith("#")).count()).isEqualTo(4);
            assertThat(chrome.driver().findElements(By.cssSelector("section.call"))).hasSize(4);
            chrome.screenshot("viewer-trace-graph", chrome.driver().findElement(By.id("graph")));
            chrome.screenshot("viewer-trace-page");
        }
    }

    @Test
    void everyNodeOfAChainAndOfAPlannedTwoRoundTraceIsInsideTheChart() {
        // A learned trace whose three steps each see the one before (one chain), and an LM conductor's two rounds,
        // each with its planning call, two steps side by side and one that sees both.
        String chain = trace(1, List.of(), List.of(step(0, 0, "a"), step(0, 1, "b", "a"), step(0, 2, "c", "a", "b")));
        String planned = trace(2, List.of(plan(0), plan(1)), List.of(step(0, 0, "a"), step(0, 1, "b"), step(0, 2, "c", "a", "b"),
                step(1, 0, "d", "a", "b", "c"), step(1, 1, "e", "a", "b", "c"), step(1, 2, "f", "a", "b", "c", "d", "e")));
        try (ServerFixture fixture = new ServerFixture(ServerSettings.loopback(0), List.of("best-solo"));
             HeadlessChrome chrome = HeadlessChrome.start()) {
            Map<String, String> traces = Map.of("learned-chain", chain, "planned-rounds", planned);
            traces.forEach((id, json) -> fixture.store.traces().put(new StoredTrace(id, Instant.now(), "baton:learned", "q",
                    Optional.of("a"), 3, 0, Duration.ofMillis(5), json)));
            String base = "http://127.0.0.1:" + fixture.server.port();

            for (int width : List.of(1400, 800)) {
                chrome.driver().manage().window().setSize(new Dimension(width, 1000));
                for (String id : List.of("learned-chain", "planned-rounds")) {
                    chrome.driver().get(base + "/ui/traces/" + id);
                    chrome.waitFor("return !!window.batonGraph;");

                    List<String> outside = outsideTheCanvas(chrome);

                    chrome.screenshot("viewer-" + id + "-" + width, chrome.driver().findElement(By.id("graph")));
                    assertThat(chrome.consoleErrors()).isEmpty();
                    assertThat(outside).as("nodes of %s outside the canvas at %d px", id, width).isEmpty();
                }
            }
            // Opened wide, then the window narrows: the graph is fitted again.
            chrome.driver().manage().window().setSize(new Dimension(1400, 1000));
            chrome.driver().get(base + "/ui/traces/planned-rounds");
            chrome.waitFor("return !!window.batonGraph;");
            chrome.driver().manage().window().setSize(new Dimension(800, 1000));
            chrome.waitFor("return window.batonGraph.getWidth() < 800;");
            assertThat(outsideTheCanvas(chrome)).as("nodes outside the canvas after narrowing the window").isEmpty();
        }
    }

    /** Returns the nodes whose symbol (and the label under it) is not wholly inside the chart's canvas. */
    @SuppressWarnings("unchecked")
    private static List<String> outsideTheCanvas(HeadlessChrome chrome) {
        List<Map<String, Object>> boxes = (List<Map<String, Object>>) chrome.script("""
                var chart = window.batonGraph, series = chart.getOption().series[0];
                var half = series.symbolSize / 2;
                return series.data.map(function (node) {
                  var centre = chart.convertToPixel({seriesIndex: 0}, [node.x, node.y]);
                  return {id: node.id, left: centre[0] - half, right: centre[0] + half, top: centre[1] - half,
                          bottom: centre[1] + half, width: chart.getWidth(), height: chart.getHeight()};
                });""");
        List<String> outside = new ArrayList<>();
        for (Map<String, Object> box : boxes) {
            double width = ((Number) box.get("width")).doubleValue();
            double height = ((Number) box.get("height")).doubleValue();
            if (number(box, "left") < 0 || number(box, "top") < 0 || number(box, "right") > width || number(box, "bottom") > height) {
                outside.add(box.get("id") + " at " + box);
            }
        }
        assertThat(boxes).isNotEmpty();
        return outside;
    }

    private static double number(Map<String, Object> box, String key) {
        return ((Number) box.get(key)).doubleValue();
    }

    private static String trace(int rounds, List<String> planning, List<String> steps) {
        return "{\"question\": \"q\", \"answer\": \"a\", \"rounds\": " + rounds + ", \"planning\": [" + String.join(",", planning)
                + "], \"steps\": [" + String.join(",", steps) + "]}";
    }

    private static String plan(int round) {
        return "{\"round\": " + round + ", \"step\": 0, \"worker\": \"planner\", \"subtask\": \"plan\", \"status\": \"answered\","
                + " \"reply\": \"plan " + round + "\", \"attempts\": 1, \"started_ms\": 0, \"messages\": []}";
    }

    /** A step replying {@code reply}, shown the replies {@code seen} as assistant turns, as the executor hands them. */
    private static String step(int round, int step, String reply, String... seen) {
        StringBuilder messages = new StringBuilder("{\"role\": \"user\", \"text\": \"q\"}");
        for (String text : seen) {
            messages.append(", {\"role\": \"assistant\", \"text\": \"").append(text).append("\"}");
        }
        return "{\"round\": " + round + ", \"step\": " + step + ", \"worker\": \"worker-" + reply + "\", \"subtask\": \"s\","
                + " \"status\": \"answered\", \"reply\": \"" + reply + "\", \"attempts\": 1, \"started_ms\": 0, \"messages\": ["
                + messages + "]}";
    }
}
