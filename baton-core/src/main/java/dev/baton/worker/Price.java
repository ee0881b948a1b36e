package dev.baton.worker;

/**
 * A worker's list price.
 *
 * @param inputUsdPerMillion  USD per million prompt tokens
 * @param outputUsdPerMillion USD per million generated tokens
 */
public record Price(double inputUsdPerMillion, double outputUsdPerMillion) {

    public static final Price FREE = new Price(0, 0);

    public Price {
        if (!(inputUsdPerMillion >= 0) || !(outputUsdPerMillion >= 0)) {
            throw new IllegalArgumentException("prices must be non-negative numbers");
        }
    }

    /** Returns the cost in USD of a call with the given token counts. */
    public double cost(long inputTokens, long outputTokens) {
        return (inputTokens * inputUsdPerMillion + outputTokens * outputUsdPerMillion) / 1_000_000.0;
    }
}
