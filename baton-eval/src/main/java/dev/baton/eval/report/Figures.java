package dev.baton.eval.report;

import dev.baton.worker.Price;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Formats numbers for people: percentages, dollars and counts, always with a dot for decimals. */
final class Figures {

    private Figures() {
    }

    /** Formats with a {@link String#format} pattern in the root locale, so a German machine still writes dots. */
    static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }

    /** Returns a percentage with one decimal, without the sign: {@code 72.5}. */
    static String percent(double value) {
        return format("%.1f", value);
    }

    /** Returns a dollar amount as everything Baton prints one: {@link Price#usd}, {@code $0.000123}. */
    static String usd(double value) {
        return Price.usd(value);
    }

    /** Returns a number with up to three significant digits, for tick labels: {@code 0.001}, {@code 250}. */
    static String compact(double value) {
        if (value == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(3));
        return rounded.stripTrailingZeros().toPlainString();
    }
}
