package dev.baton.eval.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChartPartsTest {

    @Test
    void labelsAtTheSamePointDoNotOverlap() {
        LabelPlacer placer = new LabelPlacer(0, 0, 800, 400);

        LabelPlacer.Placement first = placer.place(400, 200, "vote:top3", 10);
        LabelPlacer.Placement second = placer.place(400, 200, "moa:top3", 10);

        assertThat(first.anchor()).isEqualTo("start");
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void labelsStayInsideTheBounds() {
        LabelPlacer placer = new LabelPlacer(0, 0, 800, 400);

        LabelPlacer.Placement atRightEdge = placer.place(795, 200, "learned (λ=10)", 10);

        assertThat(atRightEdge.anchor()).isEqualTo("end");
    }

    @Test
    void centredMovingAverageNeitherLagsNorLeads() {
        List<LineChart.XY> ramp = List.of(xy(0, 0), xy(1, 1), xy(2, 2), xy(3, 3), xy(4, 4));

        List<LineChart.XY> smooth = LineChart.movingAverage(ramp, 3);

        assertThat(smooth).extracting(LineChart.XY::y).containsExactly(0.5, 1.0, 2.0, 3.0, 3.5);
    }

    @Test
    void barChartGrowsWithItsBarsAndNamesThemOnHover() {
        String svg = BarChart.render("t", java.util.Map.of("a-very-long-worker-name-that-goes-on-and-on", 3, "b", 9),
                "calls", 430, "#000");

        assertThat(svg).contains("a-very-long-worker-name-tha\u2026", "<title>a-very-long-worker-name-that-goes-on-and-on: 3 (25%)</title>")
                .contains(">9 (75%)<");
    }

    @Test
    void dollarsKeepThreeSignificantDigits() {
        assertThat(Figures.usd(1.234567e-5)).isEqualTo("$0.0000123");
        assertThat(Figures.usd(0.01)).isEqualTo("$0.01");
        assertThat(Figures.usd(0)).isEqualTo("$0");
        assertThat(Double.parseDouble(Figures.compact(2e-4))).isCloseTo(2e-4, within(1e-12));
    }

    private static LineChart.XY xy(double x, double y) {
        return new LineChart.XY(x, y, "");
    }
}
