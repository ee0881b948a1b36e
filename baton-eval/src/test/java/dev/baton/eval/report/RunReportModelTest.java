package dev.baton.eval.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.eval.EvalReport;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunReportModelTest {

    private static final EvalReport TABLE = new EvalReport("b", "replay", "test", List.of(), List.of());

    @Test
    void curvePointsRejectImpossibleFigures() {
        assertThatThrownBy(() -> new CurvePoint(0, Double.NaN, 50, 0, 1)).hasMessageContaining("reward");
        assertThatThrownBy(() -> new CurvePoint(0, 0, 101, 0, 1)).hasMessageContaining("accuracy");
        assertThatThrownBy(() -> new CurvePoint(-1, 0, 50, 0, 1)).hasMessageContaining("iteration");
        assertThatThrownBy(() -> new KnobPoint(" ", 1, 50, 0, 1)).hasMessageContaining("label");
        assertThatThrownBy(() -> new KnobPoint("λ=1", 1, 50, -1e-3, 1)).hasMessageContaining("meanCostUsd");
    }

    @Test
    void aFindingsTableNeedsOneCellPerColumnAndATerminalReadsItOnOneLine() {
        assertThatThrownBy(() -> new Finding.Table("Each seed", List.of("seed", "accuracy %"), List.of(List.of("0"))))
                .hasMessageContaining("a row of 'Each seed' has 1 cells for 2 columns");
        Finding seeds = new Finding("seeds", "Three seeds.", new Finding.Table("Each seed", List.of("seed", "accuracy %"),
                List.of(List.of("0", "95.5"), List.of("1", "96.4"))));

        assertThat(seeds.heading()).isEqualTo("Seeds");
        assertThat(seeds.line()).isEqualTo("seeds: Three seeds. Each seed (seed / accuracy %): 0 / 95.5; 1 / 96.4");
        assertThat(Finding.of("any pool", "Over 20 pools.").line()).isEqualTo("any pool: Over 20 pools.");
    }

    @Test
    void curveIterationsMustIncrease() {
        List<CurvePoint> points = List.of(new CurvePoint(3, 0, 50, 0, 1), new CurvePoint(3, 0, 50, 0, 1));

        assertThatThrownBy(() -> new LearningCurve("trained", points)).hasMessageContaining("increase");
    }

    @Test
    void curveNamesMustBeDistinct() {
        LearningCurve curve = new LearningCurve("trained", List.of());

        assertThatThrownBy(() -> new BenchmarkSection(TABLE, List.of(curve, curve), List.of(), Map.of(), Map.of(), List.of()))
                .hasMessageContaining("trained");
    }

    @Test
    void usageIsCopiedUnmodifiableInOrderAndMustCount() {
        Map<String, Integer> usage = new java.util.LinkedHashMap<>();
        usage.put("b", 2);
        usage.put("a", 1);
        BenchmarkSection section = new BenchmarkSection(TABLE, List.of(), List.of(), usage, Map.of(), List.of());
        usage.put("c", 3);

        assertThat(section.workerUsage()).containsExactly(Map.entry("b", 2), Map.entry("a", 1));
        assertThatThrownBy(() -> section.workerUsage().put("d", 4)).isInstanceOf(UnsupportedOperationException.class);
        Map<String, Integer> negative = new HashMap<>(Map.of("x", -1));
        assertThatThrownBy(() -> new BenchmarkSection(TABLE, List.of(), List.of(), Map.of(), negative, List.of()))
                .hasMessageContaining("roleUsage");
    }

    @Test
    void reportNeedsATitleAndCopiesItsLists() {
        assertThatThrownBy(() -> new RunReport("", RunReportFixtures.CREATED, List.of(), List.of()))
                .hasMessageContaining("title");
        assertThatThrownBy(() -> RunReportFixtures.realistic().sections().add(null))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
