package dev.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo's and eval's tables fit the terminal: --width, else $COLUMNS, else 120 columns. */
class TableWidthTest {

    private static int widest(String text) {
        return text.lines().mapToInt(String::length).max().orElse(0);
    }

    @Test
    void theBaselineDemoFits120ColumnsByDefaultAnd80UnderCOLUMNS() {
        CliRun wide = CliRun.withEnv(Map.of(), "demo", "--baselines-only", "--quiet");
        CliRun narrow = CliRun.withEnv(Map.of("COLUMNS", "80"), "demo", "--baselines-only", "--quiet");
        CliRun unlimited = CliRun.withEnv(Map.of("COLUMNS", "80"), "demo", "--baselines-only", "--quiet", "--width", "0");

        assertThat(wide.exitCode()).as(wide.err()).isZero();
        assertThat(widest(wide.out())).isLessThanOrEqualTo(120);
        assertThat(wide.out()).contains("best-solo", "95% CI", "tokens", "math-l5, test split").doesNotContain("left out");
        assertThat(narrow.exitCode()).isZero();
        assertThat(widest(narrow.out())).isLessThanOrEqualTo(80);
        assertThat(narrow.out()).contains("best-solo", "95% CI", "cost USD", "left out to fit the terminal");
        assertThat(widest(unlimited.out())).as("--width 0: the whole Markdown table").isGreaterThan(120);
        assertThat(unlimited.out()).contains("mean tokens");
    }

    @Test
    void evalFitsTheWidthAskedAndPrintsTheVerdictOnlyWithALearnedRow() {
        CliRun run = CliRun.of("eval", "--bench", "gsm8k", "--conductor", "best-solo", "--conductor", "solo:Meta-Llama-3.1-405B-Instruct@hyperbolic",
                "--conductor", "oracle", "--quiet", "--width", "60");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(widest(run.out())).isLessThanOrEqualTo(60);
        assertThat(run.out()).contains("| oracle", "hyperbolic", "0.000865").doesNotContain(" vs best single worker");
    }

    @Test
    void aWidthTooNarrowForATableIsRefusedBeforeAnyWork() {
        CliRun run = CliRun.of("eval", "--bench", "gsm8k", "--conductor", "best-solo", "--width", "30");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("error: --width must be 0 (no limit) or at least 50, got 30");
    }
}
