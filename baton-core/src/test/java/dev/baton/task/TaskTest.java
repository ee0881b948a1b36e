package dev.baton.task;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TaskTest {

    @Test
    void theSameQuestionGetsTheSameTaskId() {
        assertThat(Task.idOf("What is 6 * 7?")).isEqualTo(Task.idOf("What is 6 * 7?")).isNotEqualTo(Task.idOf("What is 6 * 8?"))
                .matches("q-[0-9a-f]{16}");
    }

    @Test
    void anAskedTaskHasItsTextsIdAndNoGoldAnswer() {
        Task task = Task.asked("What is 6 * 7?", AnswerType.NUMBER);

        assertThat(task).isEqualTo(new Task(Task.idOf("What is 6 * 7?"), "What is 6 * 7?", "", AnswerType.NUMBER,
                java.util.Map.of()));
    }
}
