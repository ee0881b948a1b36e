package dev.baton.eval.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AxisTest {

    @Test
    void logAxisRoundsOutToWholeDecades() {
        Axis axis = Axis.log(2.3e-5, 4.1e-3);

        assertThat(axis.min()).isCloseTo(1e-5, within(1e-12));
        assertThat(axis.max()).isCloseTo(1e-2, within(1e-12));
        assertThat(axis.ticks()).hasSize(4);
        assertThat(axis.label(axis.ticks().getFirst())).isEqualTo("0.00001");
        assertThat(axis.label(axis.ticks().getLast())).isEqualTo("0.01");
    }

    @Test
    void logAxisMapsItsEndsToTheUnitIntervalsEndsAndDecadesEvenly() {
        Axis axis = Axis.log(1e-5, 1e-2);

        assertThat(axis.fraction(1e-5)).isCloseTo(0, within(1e-12));
        assertThat(axis.fraction(1e-2)).isCloseTo(1, within(1e-12));
        assertThat(axis.fraction(1e-4)).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(axis.fraction(Math.pow(10, -3.5))).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void chartPlacesTheLogAxisEndsOnThePlotEdges() {
        Axis cost = Axis.log(1e-5, 1e-2);
        Axis accuracy = Axis.fixed(0, 100);
        SvgChart chart = new SvgChart("t", 880, 470, 40, 24, 52, 64);

        assertThat(chart.x(cost, 1e-5)).isCloseTo(chart.plotLeft(), within(1e-9));
        assertThat(chart.x(cost, 1e-2)).isCloseTo(chart.plotRight(), within(1e-9));
        assertThat(chart.y(accuracy, 0)).isCloseTo(chart.plotBottom(), within(1e-9));
        assertThat(chart.y(accuracy, 100)).isCloseTo(chart.plotTop(), within(1e-9));
    }

    @Test
    void exactDecadeStaysOneDecadeWide() {
        Axis axis = Axis.log(1e-3, 1e-3);

        assertThat(axis.min()).isCloseTo(1e-3, within(1e-12));
        assertThat(axis.max()).isCloseTo(1e-2, within(1e-12));
    }

    @Test
    void linearAxisTicksOnRoundSteps() {
        assertThat(Axis.fixed(0, 100).ticks()).containsExactly(0.0, 20.0, 40.0, 60.0, 80.0, 100.0);
        Axis reward = Axis.linear(-0.43, 0.78);
        assertThat(reward.min()).isCloseTo(-0.5, within(1e-12));
        assertThat(reward.max()).isCloseTo(1.0, within(1e-12));
        assertThat(reward.ticks()).extracting(reward::label).containsExactly("-0.5", "0", "0.5", "1");
        Axis narrow = Axis.linear(0, 212, 3);
        assertThat(narrow.ticks()).containsExactly(0.0, 100.0, 200.0, 300.0);
    }

    @Test
    void flatDataStillGetsARange() {
        Axis axis = Axis.linear(5, 5);

        assertThat(axis.min()).isLessThan(5);
        assertThat(axis.max()).isGreaterThan(5);
        assertThat(Axis.linear(0, 0).fraction(0)).isBetween(0.0, 1.0);
    }

    @Test
    void logAxisRejectsFreeValues() {
        assertThatThrownBy(() -> Axis.log(0, 1e-3)).isInstanceOf(IllegalArgumentException.class);
    }
}
