package dev.baton.offline;

import java.util.Objects;

/**
 * What one real model answered to one question when asked alone.
 *
 * @param text  the reply as recorded (the ZeroEval files keep its last 1,200 characters)
 * @param chars the full reply's length in characters, used to estimate its output tokens
 */
public record RecordedReply(String text, int chars) {

    public RecordedReply {
        Objects.requireNonNull(text, "text");
        if (chars < 0) {
            throw new IllegalArgumentException("chars must not be negative");
        }
    }
}
