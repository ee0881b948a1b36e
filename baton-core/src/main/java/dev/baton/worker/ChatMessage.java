package dev.baton.worker;

import java.util.Objects;

/**
 * One turn of a chat conversation sent to a worker.
 *
 * @param role who speaks
 * @param text what is said
 */
public record ChatMessage(Role role, String text) {

    /** The speaker of a turn. */
    public enum Role { SYSTEM, USER, ASSISTANT }

    public ChatMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(text, "text");
    }

    public static ChatMessage system(String text) {
        return new ChatMessage(Role.SYSTEM, text);
    }

    public static ChatMessage user(String text) {
        return new ChatMessage(Role.USER, text);
    }

    public static ChatMessage assistant(String text) {
        return new ChatMessage(Role.ASSISTANT, text);
    }
}
