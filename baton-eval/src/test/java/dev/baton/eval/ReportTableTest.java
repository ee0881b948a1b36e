package dev.baton.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The terminal table: Markdown without a limit, fitted to 120, 80 or 50 columns with one, and the verdict under it. */
class ReportTableTest {

    /** Names as long as the demo's: a model id with a host, a parenthesised explanation, a control without a worker. */
    private static final List<String> LONG_NAMES = List.of(
            "solo:Meta-Llama-3.1-405B-Instruct@hyperbolic",
            "best-solo (Meta-Llama-3.1-405B-Instruct@hyperbolic)",
            "learned (lambda=10)",
            "learned: routing alone (1 step, recorded answers only)",
            "learned (lambda=10, trained without it) without Meta-Llama-3.1-405B-Instruct@hyperbolic",
            "oracle");

    private static EvalRow row(String name, double accuracy, double cost) {
        return new EvalRow(name, accuracy, accuracy - 2.1, Math.min(100, accuracy + 1.9), 3.98, cost, 1409, 529, Map.of());
    }

    private static EvalReport demoLike() {
        List<EvalRow> rows = new ArrayList<>();
        for (int i = 0; i < LONG_NAMES.size(); i++) {
            rows.add(row(LONG_NAMES.get(i), 90 + i, 0.000865 + i * 0.0001));
        }
        return new EvalReport("gsm8k", "replay", "test", rows,
                List.of("tokens are estimated as characters / 4 (input: the messages sent; output: the full recorded reply)"));
    }

    private static int widest(String text) {
        return text.lines().mapToInt(String::length).max().orElse(0);
    }

    /**
     * Joins the wrapped names back from the table's first column, continuation lines included, one name a line; spaces
     * are dropped, since a wrap may fall at a space or inside a word.
     */
    private static String nameColumn(String table) {
        StringBuilder names = new StringBuilder();
        table.lines().filter(line -> line.startsWith("| ")).forEach(line -> {
            String cell = line.substring(2, line.indexOf(" |")).stripTrailing();
            names.append(cell.startsWith("  ") ? cell.strip() : "\n" + cell);
        });
        return names.toString().replace(" ", "");
    }

    private static String[] namesWithoutSpaces() {
        return LONG_NAMES.stream().map(name -> name.replace(" ", "")).toArray(String[]::new);
    }

    /** Returns the text with wrapped notes joined back into one line each. */
    private static String unwrapped(String text) {
        return text.replace("\n  ", " ");
    }

    @Test
    void withoutALimitTheTableIsMarkdownWithEveryColumnAndWholeNames() {
        String table = ReportTable.render(demoLike());

        assertThat(table).contains("| conductor", "accuracy %", "95% CI", "mean calls", "mean cost USD", "mean tokens", "   n |");
        List<String> rows = table.lines().filter(line -> line.startsWith("|")).toList();
        assertThat(rows).hasSize(2 + LONG_NAMES.size()).allSatisfy(line -> assertThat(line).hasSize(rows.getFirst().length()));
        LONG_NAMES.forEach(name -> assertThat(table).contains("| " + name + " "));
        assertThat(widest(table)).isGreaterThan(120); // what a terminal got before
    }

    @Test
    void at120ColumnsEveryColumnStaysAndLongNamesWrapInTheirCell() {
        String table = ReportTable.render(demoLike(), 120);

        assertThat(widest(table)).isLessThanOrEqualTo(120);
        assertThat(table).contains("acc %", "95% CI", "calls", "cost USD", "tokens", "1409", "529").doesNotContain("left out");
        assertThat(nameColumn(table)).contains(namesWithoutSpaces());
        assertThat(table).contains("| learned (lambda=10) ");
    }

    @Test
    void at80ColumnsTheLeastImportantColumnsAreLeftOutAndSaidSo() {
        String table = ReportTable.render(demoLike(), 80);

        assertThat(widest(table)).isLessThanOrEqualTo(80);
        assertThat(table).contains("acc %", "95% CI", "calls", "cost USD", "0.000865").doesNotContain("tokens |", "1409", " 529 |");
        assertThat(unwrapped(table)).contains("- left out to fit the terminal: mean tokens, n (n = 529 on every row);");
        assertThat(nameColumn(table)).contains(namesWithoutSpaces());
    }

    @ParameterizedTest
    @ValueSource(ints = {50, 60, 72, 80, 100, 120, 160})
    void noLineIsWiderThanAsked(int width) {
        String table = ReportTable.render(demoLike(), width);

        assertThat(widest(table)).isLessThanOrEqualTo(width);
        assertThat(table).contains("acc", "cost USD", "0.000865");
        assertThat(nameColumn(table)).contains(namesWithoutSpaces());
    }

    @Test
    void atTheNarrowestOnlyConductorAccuracyAndCostRemain() {
        String table = ReportTable.render(demoLike(), ReportTable.MIN_WIDTH);

        assertThat(table.lines().filter(line -> line.startsWith("| conductor")).findFirst().orElseThrow())
                .matches("\\| conductor +\\| acc % \\| cost USD \\|");
        assertThat(unwrapped(table)).contains("left out to fit the terminal: 95% CI, mean calls, mean tokens, n (n = 529 on every row)");
        assertThatThrownBy(() -> ReportTable.render(demoLike(), ReportTable.MIN_WIDTH - 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aShortTableIsLeftAsItIs() {
        EvalReport report = new EvalReport("toy", "replay", "test", List.of(row("vote:top3", 90, 0.001)), List.of());

        assertThat(ReportTable.render(report, 120)).isEqualTo(ReportTable.render(report));
    }

    @Test
    void theVerdictComparesTheLearnedRowWithBestSoloFromTheSameTable() {
        EvalReport report = new EvalReport("gsm8k", "replay", "test", List.of(
                row("best-solo (big)", 95.1, 0.000865), row("vote:top3", 96.2, 0.0032), row("learned (lambda=10)", 95.8, 0.000389),
                row("learned: untrained policy", 80.0, 0.0001)), List.of());

        assertThat(Verdict.of(report)).contains(
                "learned (lambda=10) vs best single worker: +0.7 points (95.8% vs 95.1%) at 0.45x the cost; the 95% intervals overlap");
        assertThat(ReportTable.render(report, 120)).contains("+0.7 points (95.8% vs 95.1%) at 0.45x the cost");
    }

    @Test
    void aLearnedRowBehindBySeveralIntervalsIsNotCalledOverlapping() {
        EvalReport report = new EvalReport("x", "replay", "test", List.of(row("best-solo (big)", 95, 0.002),
                row("learned:ck.json", 80, 0.001)), List.of());

        assertThat(Verdict.of(report)).contains("learned:ck.json vs best single worker: -15.0 points (80.0% vs 95.0%) at 0.50x the cost");
    }

    @Test
    void withoutBestSoloTheVerdictUsesTheBestSoloRowAndSaysItWasChosenOnThisSplit() {
        EvalReport report = new EvalReport("x", "replay", "test", List.of(row("solo:a", 70, 0.001), row("solo:b", 90, 0.002),
                row("learned:ck.json", 88, 0.001)), List.of());

        assertThat(Verdict.of(report)).contains(
                "learned:ck.json vs best single worker on this split: -2.0 points (88.0% vs 90.0%) at 0.50x the cost; the 95% intervals overlap");
    }

    @Test
    void missingRowsGiveNoVerdictOrSaySoInsteadOfFailing() {
        assertThat(Verdict.of(new EvalReport("x", "replay", "test", List.of(row("best-solo (a)", 90, 0.001)), List.of()))).isEmpty();
        assertThat(Verdict.of(new EvalReport("x", "replay", "test", List.of(), List.of()))).isEmpty();
        assertThat(Verdict.of(new EvalReport("x", "replay", "test", List.of(row("learned:ck.json", 90, 0.001), row("vote:top3", 91, 0.003)),
                List.of()))).contains("learned:ck.json vs best single worker: no single-worker row to compare with (add --conductor best-solo)");
        assertThat(Verdict.of(new EvalReport("x", "replay", "test", List.of(row("best-solo (a)", 90, 0), row("learned:ck.json", 90, 0.001)),
                List.of()))).hasValueSatisfying(line -> assertThat(line).contains("+0.0 points", "at $0.001000 vs $0.000000 per question"));
    }

    @Test
    void aFailedColumnAppearsOnlyWhenARowHasAFailedTaskAndIsNeverLeftOut() {
        EvalRow lost = new EvalRow("solo:flaky", 70, 68, 72, 1, 0.001, 200, 529, Map.of(), 12);
        EvalReport clean = new EvalReport("x", "pool.yaml", "test", List.of(row("solo:a", 90, 0.001)), List.of());
        EvalReport failing = new EvalReport("x", "pool.yaml", "test", List.of(row("solo:a", 90, 0.001), lost), List.of());

        assertThat(ReportTable.render(clean)).doesNotContain("failed");
        assertThat(ReportTable.render(failing)).contains("| conductor  | accuracy % | failed |")
                .containsPattern("\\| solo:flaky \\| +70\\.0 \\| +12 \\|")
                .containsPattern("\\| solo:a +\\| +90\\.0 \\| +0 \\|")
                .contains("- failed: questions with a call that still failed after its retries");
        assertThat(ReportTable.render(new EvalReport("x", "pool.yaml", "test",
                LONG_NAMES.stream().map(name -> new EvalRow(name, 90, 88, 92, 1, 0.001, 200, 529, Map.of(), 3)).toList(),
                List.of()), ReportTable.MIN_WIDTH)).contains("| failed |");
    }

    @Test
    void theJsonCarriesFailedOnEveryRowWhenARowHasOne() {
        EvalRow lost = new EvalRow("solo:flaky", 70, 68, 72, 1, 0.001, 200, 529, Map.of(), 12);

        var clean = ReportJson.toTree(new EvalReport("x", "pool.yaml", "test", List.of(row("solo:a", 90, 0.001)), List.of()));
        var failing = ReportJson.toTree(new EvalReport("x", "pool.yaml", "test", List.of(row("solo:a", 90, 0.001), lost),
                List.of()));

        assertThat(clean.get("rows").get(0).has("failed")).isFalse();
        assertThat(failing.get("rows").get(0).get("failed").asInt()).isZero();
        assertThat(failing.get("rows").get(1).get("failed").asInt()).isEqualTo(12);
    }
}
