package dev.baton.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.eval.browser.HeadlessChrome;
import dev.baton.task.Task;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
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
}
