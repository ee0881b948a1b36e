package dev.baton.worker;

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
}
