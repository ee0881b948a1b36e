package dev.baton.eval.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RowKindTest {

    @Test
    void eachBaselineRowFallsInItsChartSeries() {
        assertThat(RowKind.of("best-cascade (gpt-4o,Meta-Llama-3_1-70B-Instruct)")).isEqualTo(RowKind.CASCADE);
        assertThat(RowKind.of("cascade:a,b,c")).isEqualTo(RowKind.CASCADE);
        assertThat(RowKind.of("best-solo (gpt-4o)")).isEqualTo(RowKind.BEST_SOLO);
        assertThat(RowKind.of("vote:top3")).isEqualTo(RowKind.VOTE);
        assertThat(RowKind.of("moa:top3")).isEqualTo(RowKind.MOA);
        assertThat(RowKind.of("solo:gpt-4o")).isEqualTo(RowKind.SOLO);
        assertThat(RowKind.of("learned (default: lambda=10, seed 0, chosen on validation)")).isEqualTo(RowKind.LEARNED);
        assertThat(RowKind.of("something else")).isEqualTo(RowKind.OTHER);
    }
}
