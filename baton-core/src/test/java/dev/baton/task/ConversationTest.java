package dev.baton.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.task.Conversation.Speaker;
import dev.baton.task.Conversation.Turn;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConversationTest {

    @Test
    void theLastUserTurnIsTheQuestionAndTheTurnsBeforeItItsContext() {
        Conversation conversation = new Conversation(List.of(new Turn(Speaker.INSTRUCTIONS, "Be brief."),
                new Turn(Speaker.USER, "Hi"), new Turn(Speaker.ASSISTANT, "Hello!"), new Turn(Speaker.NOTE, "tool says 42"),
                new Turn(Speaker.USER, "What is 6 * 7?"), new Turn(Speaker.ASSISTANT, "dropped: after the question")));

        assertThat(conversation.question()).contains("The conversation so far:\nInstructions: Be brief.\nUser: Hi\n"
                + "Assistant: Hello!\nNote: tool says 42\n\nAnswer this: What is 6 * 7?");
    }

    @Test
    void aLoneQuestionIsAskedAsItIs() {
        assertThat(new Conversation(List.of(new Turn(Speaker.USER, "Just this"))).question()).contains("Just this");
        assertThat(new Conversation(List.of(new Turn(Speaker.USER, "Just this"), new Turn(Speaker.ASSISTANT, "a"))).question())
                .contains("Just this");
    }

    @Test
    void aConversationWithoutAUserTurnAsksNothing() {
        assertThat(new Conversation(List.of(new Turn(Speaker.INSTRUCTIONS, "No question"))).question()).isEmpty();
        assertThat(new Conversation(List.of()).question()).isEmpty();
    }
}
