package dev.baton.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PriceTableTest {

    private static final String HEADER = "model\tinput_usd_per_mtok\toutput_usd_per_mtok\tnote\n";

    @ParameterizedTest
    @ValueSource(strings = {"Infinity", "-Infinity", "NaN", "1e308", "1000001", "-1", "abc"})
    void aNonFiniteNegativeOrAbsurdPriceIsRefusedWithItsLine(String price) {
        String table = HEADER + "a\t1\t1\t\nb\t" + price + "\t1\t\n";
        assertThatThrownBy(() -> PriceTable.read("prices.tsv", new StringReader(table)))
                .isInstanceOf(PriceTableException.class)
                .hasMessage("prices.tsv: line 3 (b): prices must be numbers from 0 to 1000000 USD per million tokens, got '"
                        + price + "' and '1'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.15", "1000000"})
    void pricesUpToTheLimitAreRead(String price) throws IOException {
        String table = HEADER + "a\t" + price + "\t" + price + "\t\n";
        assertThat(PriceTable.read("prices.tsv", new StringReader(table)).priceOf("a").inputUsdPerMillion())
                .isEqualTo(Double.parseDouble(price));
    }
}
