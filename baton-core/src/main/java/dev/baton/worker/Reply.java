package dev.baton.worker;

import java.time.Duration;
import java.util.Objects;

/**
 * A worker's answer to one call.
 *
 * @param text           the reply text
 * @param inputTokens    tokens billed for the prompt
 * @param outputTokens   tokens billed for the reply
 * @param costUsd        what the call cost, from the worker's prices
 * @param latency        wall time of the call
 * @param usageEstimated whether the tokens (and so the cost) are estimated from characters, one token per four,
 *                       because the provider billed the call without reporting its usage
 */
public record Reply(String text, long inputTokens, long outputTokens, double costUsd, Duration latency,
                    boolean usageEstimated) {

    public Reply {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(latency, "latency");
        if (inputTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("token counts must not be negative");
        }
        if (!(costUsd >= 0)) {
            throw new IllegalArgumentException("cost must be a non-negative number: " + costUsd);
        }
    }

    /** Creates a reply whose tokens the provider reported. */
    public Reply(String text, long inputTokens, long outputTokens, double costUsd, Duration latency) {
        this(text, inputTokens, outputTokens, costUsd, latency, false);
    }

    /** Returns input plus output tokens. */
    public long totalTokens() {
        return inputTokens + outputTokens;
    }
}
