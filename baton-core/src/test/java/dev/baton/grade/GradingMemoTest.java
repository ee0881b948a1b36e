package dev.baton.grade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.task.AnswerType;
import dev.baton.task.Task;
import java.util.List;
import org.junit.jupiter.api.Test;

class GradingMemoTest {

    private final GradingMemo memo = new GradingMemo();

    @Test
    void remembersWithoutChangingAVerdict() {
        List<String> replies = List.of("The answer is 18.", "{\"answer\": \"$1,000\"}", "no number here", "\\boxed{\\frac{1}{2}}",
                "18 dollars", "The answer is 18.");
        for (AnswerType type : List.of(AnswerType.NUMBER, AnswerType.MATH)) {
            Grader plain = Graders.forType(type);
            Grader remembering = memo.forType(type);
            for (String reply : replies) {
                assertThat(remembering.extract(reply)).as(reply).isEqualTo(plain.extract(reply));
                for (String other : replies) {
                    assertThat(remembering.equivalent(reply, other)).isEqualTo(plain.equivalent(reply, other));
                }
            }
            Task task = Task.of("t", "q", "# 18", type);
            assertThat(remembering.grade("The answer is 18.", task)).isEqualTo(plain.grade("The answer is 18.", task));
        }
    }

    @Test
    void oneGraderPerAnswerType() {
        assertThat(memo.forType(AnswerType.NUMBER)).isSameAs(memo.forType(AnswerType.NUMBER))
                .isNotSameAs(memo.forType(AnswerType.MATH));
    }
}
