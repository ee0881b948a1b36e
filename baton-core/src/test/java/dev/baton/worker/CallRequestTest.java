package dev.baton.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.fixtures.ReachableValues;
import dev.baton.task.AnswerType;
import dev.baton.task.Task;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallRequestTest {

    @Test
    void requestTypeHasNoPathToATask() {
        // Checked on the declared types, so it holds for every request any executor may ever build.
        assertThat(ReachableValues.componentTypes(CallRequest.class))
                .contains(TaskRef.class, ChatMessage.class, CallOptions.class)
                .doesNotContain(Task.class, Object.class);
    }

    @Test
    void taskRefKeepsOnlyTheIdAndAnswerType() {
        Task task = new Task("t1", "What is 6 * 7?", "# 42", AnswerType.NUMBER, Map.of("solution", "6 * 7 = 42"));

        TaskRef ref = TaskRef.of(task);

        assertThat(ref).isEqualTo(new TaskRef("t1", AnswerType.NUMBER));
        assertThat(ReachableValues.strings(ref)).containsExactly("t1", "NUMBER");
    }

    @Test
    void messagesMustEndWithAUserTurn() {
        TaskRef ref = new TaskRef("t1", AnswerType.NUMBER);
        assertThatThrownBy(() -> new CallRequest(ref, List.of(ChatMessage.assistant("42")), CallOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("user turn");
    }
}
