package dev.baton.task;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A chat conversation as Baton answers it: its last user turn is the question, and the turns before it travel with
 * the question as context, in words a worker reads. The OpenAI-compatible server and the LangChain4j
 * {@code ChatModel} both fold a conversation here, so a client gets the same answer through either.
 *
 * @param turns the conversation in order
 */
public record Conversation(List<Turn> turns) {

    public Conversation {
        turns = List.copyOf(turns);
    }

    /** Who speaks a turn, by the name the folded question calls them. */
    public enum Speaker {
        /** A system (or developer) message. */
        INSTRUCTIONS("Instructions"),
        USER("User"),
        ASSISTANT("Assistant"),
        /** Anything else, such as a tool's result. */
        NOTE("Note");

        private final String label;

        Speaker(String label) {
            this.label = label;
        }
    }

    /**
     * One turn.
     *
     * @param speaker who speaks
     * @param text    what is said
     */
    public record Turn(Speaker speaker, String text) {

        public Turn {
            Objects.requireNonNull(speaker, "speaker");
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * Returns the question the conversation asks: its last user turn alone when nothing came before it, else preceded by
     * the turns before it ({@code "The conversation so far:\nUser: ...\n\nAnswer this: ..."}); turns after the last
     * user turn are dropped. Empty when no user speaks.
     */
    public Optional<String> question() {
        int last = turns.size() - 1;
        while (last >= 0 && turns.get(last).speaker() != Speaker.USER) {
            last--;
        }
        if (last < 0) {
            return Optional.empty();
        }
        String question = turns.get(last).text();
        if (last == 0) {
            return Optional.of(question);
        }
        String context = turns.subList(0, last).stream().map(turn -> turn.speaker().label + ": " + turn.text())
                .collect(Collectors.joining("\n"));
        return Optional.of("The conversation so far:\n" + context + "\n\nAnswer this: " + question);
    }
}
