package dev.baton.worker;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * A worker's list price.
 *
 * @param inputUsdPerMillion  USD per million prompt tokens
 * @param outputUsdPerMillion USD per million generated tokens
 */
public record Price(double inputUsdPerMillion, double outputUsdPerMillion) {

    public static final Price FREE = new Price(0, 0);

    /** The most a million tokens may cost: a dollar a token, far beyond any listed price, and finite. */
    public static final double MAX_USD_PER_MILLION = 1_000_000;

    public Price {
        if (!(inputUsdPerMillion >= 0 && inputUsdPerMillion <= MAX_USD_PER_MILLION)
                || !(outputUsdPerMillion >= 0 && outputUsdPerMillion <= MAX_USD_PER_MILLION)) {
            throw new IllegalArgumentException("prices must be numbers from 0 to " + (long) MAX_USD_PER_MILLION
                    + " USD per million tokens");
        }
    }

    /** Returns the cost in USD of a call with the given token counts. */
    public double cost(long inputTokens, long outputTokens) {
        return (inputTokens * inputUsdPerMillion + outputTokens * outputUsdPerMillion) / 1_000_000.0;
    }

    /**
     * Returns an amount of USD for people: {@code $0.0000876}, {@code $0.00485}, {@code $0.5} — three significant digits
     * and no exponent below a dollar, since a call's cost spans 1e-6 to 1e-1 and fixed decimals would show the cheap ones
     * as zero and a sum's floating-point noise ({@code 0.00008759999999999999}) in full; cents from a dollar on
     * ({@code $12.35}, {@code $1,234.50}); {@code $0} for nothing.
     */
    public static String usd(double amount) {
        if (amount == 0) {
            return "$0";
        }
        if (Math.abs(amount) >= 1) {
            return String.format(Locale.ROOT, "$%,.2f", amount);
        }
        // From the shortest decimal that reads back as the double (0.0007735, not 0.00077349999...), so halves round up.
        return "$" + BigDecimal.valueOf(amount).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }

    /**
     * Returns a listed price exactly as a price table writes it, without exponent or trailing zeros: {@code 0.075},
     * {@code 15}, {@code 2.5}.
     */
    public static String listed(double usdPerMillion) {
        return BigDecimal.valueOf(usdPerMillion).stripTrailingZeros().toPlainString();
    }
}
