package dev.baton.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.task.AnswerType;
import dev.baton.task.Task;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecordedQuestionsTest {

    private static final Task SIX = Task.of("gsm8k-6", "What is 6 * 7?", "42", AnswerType.NUMBER);
    private static final RecordedQuestions GSM8K = RecordedQuestions.of("gsm8k", List.of(SIX,
            Task.of("gsm8k-dup", "What is 6 * 7?", "42", AnswerType.NUMBER)));

    @Test
    void aReplayPoolIsAskedItsRecordedTaskWithTheQuestionsText() {
        assertThat(RecordedQuestions.replayedOrAsked(Optional.of(GSM8K), "  What is 6 * 7?\n", () -> Task.asked("unused",
                AnswerType.TEXT), benchmark -> new IllegalStateException())).isSameAs(SIX);
    }

    @Test
    void anyOtherPoolIsAskedANewTask() {
        Task asked = Task.asked("What is 6 * 8?", AnswerType.TEXT);

        assertThat(RecordedQuestions.replayedOrAsked(Optional.empty(), "What is 6 * 8?", () -> asked,
                benchmark -> new IllegalStateException())).isSameAs(asked);
    }

    @Test
    void aQuestionAReplayPoolHasNoRecordingOfFailsAsTheCallerWordsIt() {
        assertThatThrownBy(() -> RecordedQuestions.replayedOrAsked(Optional.of(GSM8K), "What is 6 * 8?",
                () -> Task.asked("What is 6 * 8?", AnswerType.TEXT), benchmark -> new IllegalArgumentException("not in " + benchmark)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("not in gsm8k");
    }

    @Test
    void aWorkersFirstTurnFindsItsQuestionUpToTheBlankLineBeforeTheSubtask() {
        assertThat(GSM8K.turn("What is 6 * 7?\n\nSolve it step by step.")).contains(SIX);
        assertThat(GSM8K.turn("What is 6 * 8?\n\nSolve it step by step.")).isEmpty();
        assertThat(GSM8K.id("gsm8k-6")).contains(SIX);
    }
}
