package dev.baton.eval.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.eval.EvalFixtures;
import dev.baton.eval.EvalReport;
import dev.baton.eval.browser.HeadlessChrome;
import dev.baton.task.Split;
import dev.baton.web.EChartsScript;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

/** The report as a reader sees it: opened from disk in headless Chromium, with no network. */
class ReportInBrowserTest {

    private static HeadlessChrome chrome;

    @BeforeAll
    static void start() {
        chrome = HeadlessChrome.start();
    }

    @AfterAll
    static void stop() {
        if (chrome != null) {
            chrome.close();
        }
    }

    @Test
    void reportOfARealEvaluationDrawsItsChartsAndTheLegendToggles(@TempDir Path dir) throws Exception {
        EvalReport table = EvalFixtures.evaluation().evaluate(Split.TEST,
                List.of("solo:all", "best-solo", "random", "vote:top3", "moa:top3", "oracle"));
        BenchmarkSection section = new BenchmarkSection(table, List.of(), List.of(), Map.of(), Map.of(), List.of());
        RunReportWriter.write(new RunReport("Toy evaluation", RunReportFixtures.CREATED, List.of(section), List.of()), dir);

        chrome.driver().get(dir.resolve("report.html").toUri().toString());
        chrome.waitFor("return !!window.batonCharts && window.batonCharts.length === 1;");

        assertThat(chrome.consoleErrors()).isEmpty();
        assertThat(chrome.script("return echarts.version;")).isEqualTo(EChartsScript.version());
        assertThat(chrome.script("return echarts.getInstanceByDom(document.querySelector('div.chart')).getOption()"
                + ".series.map(function (s) { return s.name; }).join('|');"))
                .isEqualTo("best solo|vote|mixture of agents|random|solo workers|oracle ceiling");
        WebElement chart = chrome.driver().findElement(By.cssSelector("div.chart"));
        WebElement soloEntry = chart.findElements(By.tagName("text")).stream()
                .filter(text -> text.getText().equals("solo workers")).findFirst().orElseThrow();
        soloEntry.click();
        assertThat(chrome.script("return echarts.getInstanceByDom(document.querySelector('div.chart'))"
                + ".getOption().legend[0].selected['solo workers'];")).isEqualTo(false);
        chrome.screenshot("report-toy-evaluation", chart);
        assertThat(Files.size(Path.of("target/screenshots/report-toy-evaluation.png"))).isPositive();
    }

    @Test
    void firstScreenShowsTheHeadlineCardsAndTheCostChartBeforeAnyNote(@TempDir Path dir) throws Exception {
        RunReportWriter.write(RunReportFixtures.realistic(), dir);
        Dimension before = chrome.driver().manage().window().getSize();
        try {
            chrome.driver().get(dir.resolve("report.html").toUri().toString());
            viewport(1400, 900);
            chrome.waitFor("return !!window.batonCharts && window.batonCharts.length === 10;");
            chrome.screenshot("report-first-screen");

            long viewport = ((Number) chrome.script("return window.innerHeight;")).longValue();
            assertThat(viewport).as("the first screen's height").isEqualTo(900);
            assertThat(top("div.card")).as("the first number card's top, in a %d px high window", viewport).isLessThan(viewport);
            assertThat(top("div.chart")).as("the cost chart's top, in a %d px high window", viewport).isLessThan(viewport);
            chrome.screenshot("report-findings", chrome.driver().findElement(By.cssSelector("div.findings")));
        } finally {
            chrome.driver().manage().window().setSize(before);
        }
    }

    @Test
    void denseScatterKeepsItsLabelsApartAndEveryChartRenders(@TempDir Path dir) throws Exception {
        RunReportWriter.write(RunReportFixtures.realistic(), dir);

        chrome.driver().get(dir.resolve("report.html").toUri().toString());
        chrome.waitFor("return !!window.batonCharts && window.batonCharts.length === 10;");

        assertThat(chrome.consoleErrors()).isEmpty();
        // Every chart drew something: ECharts' SVG holds at least one path per chart.
        assertThat(chrome.script("return Array.prototype.every.call(document.querySelectorAll('div.chart'), "
                + "function (d) { return d.querySelectorAll('svg path').length > 0; });")).isEqualTo(true);
        Object overlaps = chrome.script("""
                var texts = Array.prototype.filter.call(document.querySelector('div.chart').querySelectorAll('text'),
                    function (t) { var r = t.getBoundingClientRect(); return r.width > 1 && r.height > 1; });
                var found = [];
                for (var i = 0; i < texts.length; i++) {
                  for (var j = i + 1; j < texts.length; j++) {
                    var a = texts[i].getBoundingClientRect(), b = texts[j].getBoundingClientRect();
                    if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) {
                      found.push(texts[i].textContent + ' / ' + texts[j].textContent);
                    }
                  }
                }
                return found.join('; ');""");
        assertThat(overlaps).isEqualTo("");
        assertThat(chrome.script("return Array.prototype.some.call(document.querySelector('div.chart').querySelectorAll('text'), "
                + "function (t) { return t.textContent === 'learned (\u03bb=10)' && t.getBoundingClientRect().width > 1; });"))
                .isEqualTo(true);
        chrome.screenshot("report-cost-accuracy", chrome.driver().findElement(By.cssSelector("div.chart")));
        chrome.screenshot("report-curves", chrome.driver().findElements(By.cssSelector("div.chart")).get(1));
        chrome.screenshot("report-usage", chrome.driver().findElements(By.cssSelector("div.pair")).getFirst());
        chrome.screenshot("report-examples", chrome.driver().findElements(By.cssSelector("article.example")).getFirst());
    }

    /** Sizes the window so that the page's viewport, not the window around it, is {@code width x height}. */
    private static void viewport(int width, int height) {
        chrome.driver().manage().window().setSize(new Dimension(width, height));
        long innerWidth = ((Number) chrome.script("return window.innerWidth;")).longValue();
        long innerHeight = ((Number) chrome.script("return window.innerHeight;")).longValue();
        chrome.driver().manage().window().setSize(new Dimension((int) (2L * width - innerWidth), (int) (2L * height - innerHeight)));
    }

    /** Returns the top of the first element matching the selector, relative to the unscrolled window. */
    private static double top(String selector) {
        return ((Number) chrome.script("window.scrollTo(0, 0); return document.querySelector(arguments[0])"
                + ".getBoundingClientRect().top;", selector)).doubleValue();
    }
}
