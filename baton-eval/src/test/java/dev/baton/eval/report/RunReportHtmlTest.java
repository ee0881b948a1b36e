package dev.baton.eval.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.web.EChartsScript;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RunReportHtmlTest {

    private static final Pattern OPTIONS = Pattern.compile(
            "<script type=\"application/json\" id=\"baton-chart-options\">(.*?)</script>", Pattern.DOTALL);
    private static final Pattern SCRIPT = Pattern.compile("<script\\b[^>]*>(.*?)</script>", Pattern.DOTALL);

    @Test
    void pageInlinesEChartsAndLoadsNothingFromOutside() {
        String html = RunReportHtml.render(RunReportFixtures.realistic());

        assertThat(html).contains(EChartsScript.source());
        assertThat(html.replace(EChartsScript.source(), "")).doesNotContain("http://cdn", "https://", "<link", "src=");
        // Three scripts: the chart options, ECharts, the glue; each closes where it should.
        assertThat(scripts(html)).hasSize(3);
    }

    @Test
    void everySectionPlacesOneDivPerChartWithItsOption() throws Exception {
        String html = RunReportHtml.render(RunReportFixtures.realistic());

        // Per benchmark: cost/accuracy with the frontier, reward curve, accuracy curve, worker bars, role bars.
        assertThat(count(html, "<div class=\"chart\" data-chart=")).isEqualTo(10);
        JsonNode options = options(html);
        assertThat(options).hasSize(10);
        assertThat(options.get(0).at("/title/text").asText()).isEqualTo("Accuracy against mean cost per question, math500");
        assertThat(options.get(1).at("/title/text").asText()).startsWith("Reward per training iteration");
        assertThat(options.get(3).at("/series/0/type").asText()).isEqualTo("bar");
    }

    @Test
    void scatterHasOneLegendEntryPerKindTheFrontierAndTheOracle() throws Exception {
        JsonNode scatter = options(RunReportHtml.render(RunReportFixtures.realistic())).get(0);

        List<String> names = new ArrayList<>();
        scatter.get("series").forEach(series -> names.add(series.get("name").asText()));
        assertThat(names).containsExactlyInAnyOrder("learned", CostAccuracyChart.FRONTIER, "best solo", "vote",
                "mixture of agents", "random", "solo workers", CostAccuracyChart.ORACLE);
        JsonNode solo = series(scatter, "solo workers");
        assertThat(solo.get("data")).hasSize(30);
        assertThat(solo.at("/label/show").asBoolean()).isFalse();
        assertThat(series(scatter, "vote").at("/label/show").asBoolean()).isTrue();
        assertThat(series(scatter, "vote").at("/labelLayout/hideOverlap").asBoolean()).isTrue();
        assertThat(series(scatter, CostAccuracyChart.ORACLE).at("/markLine/data/0/yAxis").asDouble()).isEqualTo(95.2);
        assertThat(scatter.at("/xAxis/type").asText()).isEqualTo("log");
        assertThat(scatter.at("/dataZoom")).hasSize(2);
    }

    @Test
    void frontierJoinsTheKnobPointsCheapestFirst() throws Exception {
        JsonNode frontier = series(options(RunReportHtml.render(RunReportFixtures.realistic())).get(0), CostAccuracyChart.FRONTIER);

        assertThat(frontier.get("type").asText()).isEqualTo("line");
        List<String> labels = new ArrayList<>();
        frontier.get("data").forEach(point -> labels.add(point.get("name").asText()));
        assertThat(labels).containsExactly("\u03bb=100", "\u03bb=10", "\u03bb=0");
        assertThat(frontier.at("/data/0/value/1").asDouble()).isEqualTo(73.2);
    }

    @Test
    void aSettingAnotherBeatsOnBothAxesIsDrawnOffTheFrontierLine() throws Exception {
        BenchmarkSection full = RunReportFixtures.realistic().sections().getFirst();
        List<KnobPoint> knob = new ArrayList<>(full.knobPoints());
        // Dearer than lambda=0 (3.2e-3) and less accurate than it: below the frontier.
        knob.add(new KnobPoint("\u03bb=0 max-calls 3", 0, 83.0, 4.0e-3, 3.0));
        BenchmarkSection section = new BenchmarkSection(full.table(), full.curves(), knob, full.workerUsage(), full.roleUsage(),
                full.examples());
        JsonNode scatter = options(RunReportHtml.render(new RunReport("t", RunReportFixtures.CREATED, List.of(section),
                List.of()))).get(0);
        List<String> line = new ArrayList<>();
        series(scatter, CostAccuracyChart.FRONTIER).get("data").forEach(point -> line.add(point.get("name").asText()));
        assertThat(line).containsExactly("\u03bb=100", "\u03bb=10", "\u03bb=0");
        JsonNode below = series(scatter, CostAccuracyChart.BELOW_FRONTIER);
        assertThat(below.get("type").asText()).isEqualTo("scatter");
        assertThat(below.at("/data/0/name").asText()).isEqualTo("\u03bb=0 max-calls 3");
        assertThat(below.at("/data/0/tip").asText()).contains("another setting is as accurate for less");
    }

    @Test
    void yAxisFitsThePointsInsteadOfSpanningZeroToHundred() throws Exception {
        BenchmarkSection full = RunReportFixtures.realistic().sections().getFirst();
        List<dev.baton.eval.EvalRow> high = full.table().rows().stream().filter(row -> row.accuracy() >= 76).toList();
        BenchmarkSection section = new BenchmarkSection(new dev.baton.eval.EvalReport("b", "replay", "test", high, List.of()),
                List.of(), full.knobPoints(), Map.of(), Map.of(), List.of());
        JsonNode scatter = options(RunReportHtml.render(new RunReport("t", RunReportFixtures.CREATED, List.of(section),
                List.of()))).get(0);

        assertThat(scatter.at("/yAxis/min").asDouble()).isEqualTo(70);
        assertThat(scatter.at("/yAxis/max").asDouble()).isEqualTo(100);
    }

    @Test
    void hostileQuestionIsEscapedEverywhere() {
        String html = RunReportHtml.render(RunReportFixtures.withHostileQuestion());

        String outsideScripts = SCRIPT.matcher(html).replaceAll("");
        assertThat(outsideScripts).doesNotContain("<script", "<b>").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
                .contains("&lt;/pre&gt;&lt;b&gt;no&lt;/b&gt;");
    }

    @Test
    void hostileNamesInChartDataCannotCloseTheirScript() throws Exception {
        RunReport report = RunReportFixtures.realistic();
        BenchmarkSection first = report.sections().getFirst();
        BenchmarkSection hostile = new BenchmarkSection(first.table(), first.curves(), first.knobPoints(),
                Map.of("</script><script>alert(1)</script>", 3), Map.of(), List.of());

        String html = RunReportHtml.render(new RunReport("t", RunReportFixtures.CREATED, List.of(hostile), List.of()));

        assertThat(scripts(html)).hasSize(3);
        assertThat(options(html).get(3).at("/series/0/data/0/name").asText()).isEqualTo("</script><script>alert(1)</script>");
    }

    @Test
    void examplesShowRightAndWrongAnswersWithReadableTex() {
        String html = RunReportHtml.render(RunReportFixtures.realistic());

        assertThat(html).contains("2 answered right, 1 wrong.", "\u2717 wrong", "\u2713 correct")
                .contains("f(x) = (x<sup>2</sup> \u2212 1)/(x \u2212 1)".replace("\u2212", "-"))
                .contains("<summary>TeX source</summary>")
                .contains("Answer: <code>7/12</code>");
    }

    @Test
    void workflowsAreInPreBlocksWithTheirLines() {
        String html = RunReportHtml.render(RunReportFixtures.realistic());

        Matcher pre = Pattern.compile("<pre>(.*?)</pre>", Pattern.DOTALL).matcher(html);
        assertThat(pre.find()).isTrue();
        assertThat(pre.group(1).lines()).hasSize(3).first().isEqualTo("model_id = [3, 7, 0]");
    }

    @Test
    void emptySectionsRenderNotesInsteadOfCharts() {
        String html = RunReportHtml.render(RunReportFixtures.bare());

        assertThat(html).doesNotContain("data-chart=", "<script")
                .contains("No learning curve was recorded for this benchmark.", "No example workflow was recorded.",
                        "Worker and role usage were not recorded.");
    }

    @Test
    void missingCurveDropsOnlyTheCurveCharts() {
        BenchmarkSection full = RunReportFixtures.realistic().sections().getFirst();
        BenchmarkSection noCurve = new BenchmarkSection(full.table(), List.of(), full.knobPoints(), full.workerUsage(),
                Map.of(), full.examples());

        String html = RunReportHtml.render(new RunReport("t", RunReportFixtures.CREATED, List.of(noCurve), List.of()));

        // Scatter and worker bars remain; role bars give way to a note.
        assertThat(count(html, "<div class=\"chart\" data-chart=")).isEqualTo(2);
        assertThat(html).contains("Not recorded.");
    }

    @Test
    void eachBenchmarkShowsItsHeadlineBeforeItsFindingsAndTheRunsNotesComeLast() {
        String html = RunReportHtml.render(RunReportFixtures.realistic());
        String math = html.substring(html.indexOf("<section class=\"benchmark\" id=\"bench-math500\""),
                html.indexOf("<section class=\"benchmark\" id=\"bench-gpqa-diamond\""));

        assertThat(html.substring(0, html.indexOf("<section"))).doesNotContain("Default on test", "The training settings");
        assertThat(math).containsSubsequence("<div class=\"cards\">", "<div class=\"chart\"", "<table class=\"conductors\">",
                "<h3>Findings</h3>", "<strong>Default on test.</strong> 96.0% at 3.00 calls", "<h3>Learning curves</h3>");
        // Six candidates and three seeds fold away under their sentences.
        assertThat(math).containsSubsequence("<strong>Choice of the default.</strong> Chosen on 204 validation questions",
                "<details class=\"figures\">\n<summary>The candidates on validation (6)</summary>",
                "<td>lambda=1 max-calls 3 seed 2</td><td>98.0</td>", "</details>");
        assertThat(html).containsSubsequence("id=\"bench-gpqa-diamond\"", "<section class=\"run-notes\" id=\"about\">",
                "<h2>About this run</h2>", "<summary>The training settings (18)</summary>", "<td>learning rate</td><td>0.001</td>",
                "<footer>");
        // The caveat is said once for the run; each benchmark only points to it.
        assertThat(count(html, "never invents a new answer")).isEqualTo(1);
        assertThat(html).doesNotContain("TrainingConfig[");
    }

    @Test
    void reportWithoutSectionsStillRenders() {
        String html = RunReportHtml.render(new RunReport("Empty <b>", RunReportFixtures.CREATED, List.of(), List.of(Finding.of("note", "nothing ran"))));

        assertThat(html).contains("<h1>Empty &lt;b&gt;</h1>", "No benchmark was run.");
    }

    private static JsonNode options(String html) throws Exception {
        Matcher matcher = OPTIONS.matcher(html);
        assertThat(matcher.find()).isTrue();
        return new ObjectMapper().readTree(matcher.group(1));
    }

    private static JsonNode series(JsonNode option, String name) {
        for (JsonNode series : option.get("series")) {
            if (series.get("name").asText().equals(name)) {
                return series;
            }
        }
        throw new AssertionError("no series named " + name);
    }

    /** Returns the bodies of the page's script elements, as a browser would split them. */
    private static List<String> scripts(String html) {
        List<String> bodies = new ArrayList<>();
        Matcher matcher = SCRIPT.matcher(html);
        while (matcher.find()) {
            bodies.add(matcher.group(1));
        }
        return bodies;
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
