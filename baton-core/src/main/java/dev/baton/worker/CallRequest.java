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
}
