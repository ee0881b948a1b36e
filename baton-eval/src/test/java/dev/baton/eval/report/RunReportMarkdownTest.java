package dev.baton.eval.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunReportMarkdownTest {

    @Test
    void containsEveryPartOfTheRun() {
        String markdown = RunReportMarkdown.render(RunReportFixtures.realistic());

        assertThat(markdown).startsWith("# Baton demo: learned conductor vs baselines\n")
                .contains("## math500, test split, replay pool", "## gpqa-diamond, test split, replay pool")
                .contains("| learned (λ=10)", "### Cost knob", "| λ=100 ", "| solve ", " 301 |")
                .contains("**trained** (200 points, 11 shown)", "**shuffled-reward control**")
                .contains("```text\nmodel_id = [3, 7, 0]\nsubtasks = [");
    }

    @Test
    void findingsFollowEachBenchmarksTableAndTheRunsNotesComeLast() {
        String markdown = RunReportMarkdown.render(RunReportFixtures.realistic());

        assertThat(markdown.substring(0, markdown.indexOf("## math500"))).doesNotContain("Default on test", "training settings");
        assertThat(markdown).containsSubsequence("## math500, test split, replay pool", "| learned (λ=10)", "### Findings",
                "**Default on test.** 96.0% at 3.00 calls", "The candidates on validation:",
                "| lambda=1 max-calls 3 seed 2 |", "### Learning curves", "## gpqa-diamond, test split, replay pool",
                "### Findings", "## About this run", "**Context model.** Steps that see earlier steps",
                "The training settings:", "| learning rate     | 0.001 |");
    }

    @Test
    void curveSampleKeepsBothEnds() {
        List<CurvePoint> points = RunReportFixtures.realistic().sections().getFirst().curves().getFirst().points();

        List<CurvePoint> sample = RunReportMarkdown.sample(points);

        assertThat(sample).hasSize(11);
        assertThat(sample.getFirst().iteration()).isZero();
        assertThat(sample.getLast().iteration()).isEqualTo(199);
    }

    @Test
    void fencesOutgrowBackticksInTheText() {
        BenchmarkSection full = RunReportFixtures.realistic().sections().getFirst();
        ExampleWorkflow tricky = new ExampleWorkflow("Use ```code``` | here", "model_id = [1]", "`x`", true);
        BenchmarkSection section = new BenchmarkSection(full.table(), List.of(), List.of(), Map.of(), Map.of(),
                List.of(tricky));

        String markdown = RunReportMarkdown.render(new RunReport("t", RunReportFixtures.CREATED, List.of(section), List.of()));

        assertThat(markdown).contains("````text\nUse ```code``` | here\n````").contains("Answer: `` `x` ``");
    }

    @Test
    void emptyPartsSaySo() {
        String markdown = RunReportMarkdown.render(RunReportFixtures.bare());

        assertThat(markdown).contains("No learning curve was recorded.", "The cost penalty was not varied.",
                "Not recorded.", "None recorded.");
    }
}
