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

    /** Returns the prompt's estimated tokens: one per four characters of all its messages, rounded up. */
    public long estimatedInputTokens() {
        return (messages.stream().map(ChatMessage::text).mapToLong(String::length).sum() + 3) / 4;
    }

    /**
     * Returns the tokens {@code text} is estimated to make, one per four characters rounded up: how Baton counts
     * the prompt before a call, and a reply whose provider reported no usage.
     */
    public static long estimatedTokens(String text) {
        return (text.length() + 3L) / 4;
    }

    /**
     * Returns the most this call may cost on {@code worker}: the prompt's {@linkplain #estimatedInputTokens estimated
     * tokens} at the input price plus the most tokens the worker lets the call generate
     * ({@link WorkerCard#maxOutputTokens}) at the output price. Budgets reserve this before a call starts.
     */
    public double worstCaseCostUsd(WorkerCard worker) {
        return worker.price().cost(estimatedInputTokens(), worker.maxOutputTokens(options));
    }
}
