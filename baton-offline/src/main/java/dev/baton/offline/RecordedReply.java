package dev.baton.offline;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * What one real model answered to one question when asked alone.
 *
 * @param text         the reply as recorded (the ZeroEval files keep its last 1,200 characters)
 * @param chars        the full reply's length in characters, used to estimate its output tokens
 * @param inputTokens  the prompt tokens the provider billed, when the recording has them ({@code baton record} writes
 *                     them; the ZeroEval files do not)
 * @param outputTokens the reply tokens the provider billed, when the recording has them
 */
public record RecordedReply(String text, int chars, OptionalLong inputTokens, OptionalLong outputTokens) {

    public RecordedReply {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(inputTokens, "inputTokens");
        Objects.requireNonNull(outputTokens, "outputTokens");
        if (chars < 0) {
            throw new IllegalArgumentException("chars must not be negative");
        }
        if (inputTokens.orElse(0) < 0 || outputTokens.orElse(0) < 0) {
            throw new IllegalArgumentException("token counts must not be negative");
        }
    }

    /** A recording without billed token counts: tokens are estimated from characters. */
    public RecordedReply(String text, int chars) {
        this(text, chars, OptionalLong.empty(), OptionalLong.empty());
    }
}
