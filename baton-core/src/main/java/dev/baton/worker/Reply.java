package dev.baton.worker;

import java.time.Duration;
import java.util.Objects;

/**
 * A worker's answer to one call.
 *
 * @param text         the reply text
 * @param inputTokens  tokens billed for the prompt (estimated where the provider does not report them)
 * @param outputTokens tokens billed for the reply
 * @param costUsd      what the call cost, from the worker's prices
 * @param latency      wall time of the call
 */
public record Reply(String text, long inputTokens, long outputTokens, double costUsd, Duration latency) {

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

    /** Returns input plus output tokens. */
    public long totalTokens() {
        return inputTokens + outputTokens;
    }
}
