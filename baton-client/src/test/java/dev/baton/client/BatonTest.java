package dev.baton.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.conduct.baseline.SoloConductor;
import dev.baton.conduct.baseline.VoteConductor;
import dev.baton.execute.Budget;
import dev.baton.fixtures.ScriptedWorker;
import dev.baton.task.AnswerType;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatonTest {

    private final ScriptedWorker a = ScriptedWorker.answering("a", "The answer is 41.");
    private final ScriptedWorker b = ScriptedWorker.answering("b", "{\"answer\": \"42\"}");
    private final ScriptedWorker c = ScriptedWorker.answering("c", "So it is 42.0");

    @Test
    void answersWithTheConductorsChoiceAndTheWholeTrace() {
        try (Baton baton = Baton.builder()
                .workers(List.of(a, b, c))
                .conductor(pool -> new VoteConductor(pool.ids(), "vote"))
                .build()) {
            Answer answer = baton.ask("What is 6 * 7?", AnswerType.NUMBER);

            assertThat(answer.text()).contains("{\"answer\": \"42\"}");
            assertThat(answer.calls()).isEqualTo(3);
            assertThat(answer.conductor()).isEqualTo("vote");
            assertThat(answer.costUsd()).isEqualTo(answer.trace().calls().stream()
                    .mapToDouble(call -> call.reply().orElseThrow().costUsd()).sum());
        }
        // Workers are asked the question and never a gold answer: there is none.
        assertThat(b.requests()).singleElement().satisfies(request ->
                assertThat(request.messages().getLast().text()).startsWith("What is 6 * 7?"));
    }

    @Test
    void theBudgetBoundsEveryQuestion() {
        try (Baton baton = Baton.builder()
                .workers(List.of(a, b, c))
                .conductor(pool -> new VoteConductor(pool.ids(), "vote"))
                .budget(Budget.unlimited().withMaxCalls(2))
                .build()) {
            assertThat(baton.ask("What is 6 * 7?", AnswerType.NUMBER).calls()).isEqualTo(2);
        }
    }

    @Test
    void aBlankQuestionOrAMissingPartIsAClearError() {
        try (Baton baton = Baton.builder().workers(List.of(a)).conductor(new SoloConductor("a")).build()) {
            assertThatThrownBy(() -> baton.ask("  ")).isInstanceOf(EmptyQuestionException.class);
        }
        assertThatThrownBy(() -> Baton.builder().conductor(new SoloConductor("a")).build()).hasMessageContaining("needs a pool");
        assertThatThrownBy(() -> Baton.builder().workers(List.of(a)).build()).hasMessageContaining("needs a conductor");
    }
}
