package dev.baton.worker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PriceTest {

    @Test
    void anAmountUnderADollarReadsToThreeSignificantDigitsWithoutFloatingPointNoise() {
        assertThat(Price.usd(0.00008759999999999999)).isEqualTo("$0.0000876");
        assertThat(Price.usd(0.004847499999999999)).isEqualTo("$0.00485");
        assertThat(Price.usd(0.0010875)).isEqualTo("$0.00109");
        assertThat(Price.usd(0.0007735)).isEqualTo("$0.000774");
        assertThat(Price.usd(0.5)).isEqualTo("$0.5");
        assertThat(Price.usd(0.000000004)).isEqualTo("$0.000000004");
        // From a dollar on, cents: a run's spending, not a call's.
        assertThat(Price.usd(12.345)).isEqualTo("$12.35");
        assertThat(Price.usd(1234.5)).isEqualTo("$1,234.50");
        assertThat(Price.usd(0)).isEqualTo("$0");
    }

    @Test
    void aListedPriceReadsExactlyAsWrittenWithoutTrailingZeros() {
        assertThat(Price.listed(0.075)).isEqualTo("0.075");
        assertThat(Price.listed(15.0)).isEqualTo("15");
        assertThat(Price.listed(2.50)).isEqualTo("2.5");
        assertThat(Price.listed(100)).isEqualTo("100");
        assertThat(Price.listed(0.0000123)).isEqualTo("0.0000123");
    }
}
