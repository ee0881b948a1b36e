package dev.baton.store;

import dev.baton.worker.Reply;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A worker's reply as the response cache keeps it.
 *
 * @param text            the reply text
 * @param inputTokens     tokens the original call was billed for its prompt
 * @param outputTokens    tokens the original call was billed for the reply
 * @param originalCostUsd what the original call cost
 * @param createdAt       when the reply was cached
 * @param usageEstimated  whether the provider reported no usage, so the tokens and cost are estimated from characters
 */
public record CachedResponse(String text, long inputTokens, long outputTokens, double originalCostUsd, Instant createdAt,
                             boolean usageEstimated) {

    public CachedResponse {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Creates a cached reply whose tokens the provider reported. */
    public CachedResponse(String text, long inputTokens, long outputTokens, double originalCostUsd, Instant createdAt) {
        this(text, inputTokens, outputTokens, originalCostUsd, createdAt, false);
    }

    /**
     * Returns the reply a cache hit gives: the recorded text and tokens (still marked if they were estimated), costing
     * nothing and taking no time.
     */
    public Reply asReply() {
        return new Reply(text, inputTokens, outputTokens, 0, Duration.ZERO, usageEstimated);
    }
}
