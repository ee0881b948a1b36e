package dev.baton.worker;

import java.util.List;
import java.util.Objects;

/**
 * Everything a worker is asked in one call.
 *
 * <p>Live workers send only {@code messages} and {@code options} to their provider. The task reference is
 * passed along so offline workers can look up what a real model answered to that question; it carries no
 * gold answer, so no worker can reach one through its request.
 *
 * @param task     which task the call serves
 * @param messages the conversation, ending with a user turn
 * @param options  generation settings
 */
public record CallRequest(TaskRef task, List<ChatMessage> messages, CallOptions options) {

    public CallRequest {
        Objects.requireNonNull(task, "task");
        messages = List.copyOf(messages);
        Objects.requireNonNull(options, "options");
        if (messages.isEmpty() || messages.getLast().role() != ChatMessage.Role.USER) {
            throw new IllegalArgumentException("a call's messages must end with a user turn");
        }
    }

    /** Returns the assistant turns of the conversation: the earlier replies this call can see. */
    public List<String> visibleReplies() {
        return messages.stream().filter(m -> m.role() == ChatMessage.Role.ASSISTANT).map(ChatMessage::text).toList();
    }

    /** Output tokens assumed for a call whose options set no limit. */
    public static final int DEFAULT_MAX_OUTPUT_TOKENS = 4_096;

    /**
     * Returns the most this call may cost at {@code price}: the prompt's estimated tokens (one per four characters)
     * at the input price plus the most tokens the call may generate ({@link CallOptions#maxOutputTokens()}, else
     * {@link #DEFAULT_MAX_OUTPUT_TOKENS}) at the output price. Budgets reserve this before a call starts.
     */
    public double worstCaseCostUsd(Price price) {
        long chars = messages.stream().map(ChatMessage::text).mapToLong(String::length).sum();
        long inputTokens = (chars + 3) / 4;
        long outputTokens = options.maxOutputTokens().orElse(DEFAULT_MAX_OUTPUT_TOKENS);
        return price.cost(inputTokens, outputTokens);
    }
}
