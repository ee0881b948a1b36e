package dev.baton.eval.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChartPartsTest {

    @Test
    void centredMovingAverageNeitherLagsNorLeads() {
        List<double[]> ramp = List.of(xy(0, 0), xy(1, 1), xy(2, 2), xy(3, 3), xy(4, 4));

        List<double[]> smooth = CurveChart.movingAverage(ramp, 3);

        assertThat(smooth.stream().mapToDouble(p -> p[1]).toArray()).containsExactly(0.5, 1.0, 2.0, 3.0, 3.5);
    }

    @Test
    void barsAreSortedLabelledWithTheirShareAndNamedInFullOnHover() {
        ObjectNode option = UsageChart.option("t", Map.of("a-very-long-worker-name-that-goes-on-and-on", 3, "b", 9), "#000");

        assertThat(option.at("/yAxis/data/0").asText()).isEqualTo("b");
        assertThat(option.at("/yAxis/data/1").asText()).isEqualTo("a-very-long-worker-name-tha\u2026");
        assertThat(option.at("/series/0/data/0/label/formatter").asText()).isEqualTo("9 (75%)");
        assertThat(option.at("/series/0/data/1/tip").asText()).isEqualTo("a-very-long-worker-name-that-goes-on-and-on: 3 calls (25%)");
    }

    @Test
    void curvesShareALegendEntryBetweenTheRawLineAndItsAverage() {
        BenchmarkSection section = RunReportFixtures.realistic().sections().getFirst();

        ObjectNode option = CurveChart.reward(section).orElseThrow();

        assertThat(option.get("series")).hasSize(4);
        assertThat(option.at("/series/0/name").asText()).isEqualTo(option.at("/series/1/name").asText()).isEqualTo("trained");
        assertThat(option.at("/series/1/id").asText()).isEqualTo("trained" + CurveChart.AVERAGE);
        assertThat(option.at("/yAxis/scale").asBoolean()).isTrue();
    }

    @Test
    void scriptSafeJsonCannotEndItsElement() {
        assertThat(ChartSet.scriptSafe("{\"a\":\"</script><!-- & \"}")).isEqualTo("{\"a\":\"\\u003c/script\\u003e\\u003c!-- \\u0026 \"}");
    }

    @Test
    void dollarsKeepThreeSignificantDigits() {
        assertThat(Figures.usd(1.234567e-5)).isEqualTo("$0.0000123");
        assertThat(Figures.usd(0.01)).isEqualTo("$0.01");
        assertThat(Figures.usd(0)).isEqualTo("$0");
        assertThat(Double.parseDouble(Figures.compact(2e-4))).isCloseTo(2e-4, within(1e-12));
    }

    private static double[] xy(double x, double y) {
        return new double[] {x, y};
    }
}
