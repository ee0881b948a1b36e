package dev.baton.grade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.task.AnswerType;
import dev.baton.task.Task;
import java.util.List;
import org.junit.jupiter.api.Nested;
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

    // The remembering graders keep every promise of the graders they wrap, on the same answers.

    @Nested
    class RememberingNumberGrader extends GraderContract {
        @Override
        protected Grader grader() {
            return memo.forType(AnswerType.NUMBER);
        }

        @Override
        protected AnswerType answerType() {
            return AnswerType.NUMBER;
        }

        @Override
        protected List<String> answers() {
            return new NumberGraderTest().answers();
        }

        @Override
        protected List<List<String>> sameAnswers() {
            return new NumberGraderTest().sameAnswers();
        }
    }

    @Nested
    class RememberingMathGrader extends GraderContract {
        @Override
        protected Grader grader() {
            return memo.forType(AnswerType.MATH);
        }

        @Override
        protected AnswerType answerType() {
            return AnswerType.MATH;
        }

        @Override
        protected List<String> answers() {
            return new MathGraderTest().answers();
        }

        @Override
        protected List<List<String>> sameAnswers() {
            return new MathGraderTest().sameAnswers();
        }
    }

    @Nested
    class RememberingChoiceGrader extends GraderContract {
        @Override
        protected Grader grader() {
            return memo.forType(AnswerType.CHOICE);
        }

        @Override
        protected AnswerType answerType() {
            return AnswerType.CHOICE;
        }

        @Override
        protected List<String> answers() {
            return new ChoiceGraderTest().answers();
        }

        @Override
        protected List<List<String>> sameAnswers() {
            return new ChoiceGraderTest().sameAnswers();
        }
    }

    @Nested
    class RememberingTextGrader extends GraderContract {
        @Override
        protected Grader grader() {
            return memo.forType(AnswerType.TEXT);
        }

        @Override
        protected AnswerType answerType() {
            return AnswerType.TEXT;
        }

        @Override
        protected List<String> answers() {
            return new TextGraderTest().answers();
        }

        @Override
        protected List<List<String>> sameAnswers() {
            return new TextGraderTest().sameAnswers();
        }
    }

    @Test
    void oneGraderPerAnswerType() {
        assertThat(memo.forType(AnswerType.NUMBER)).isSameAs(memo.forType(AnswerType.NUMBER))
                .isNotSameAs(memo.forType(AnswerType.MATH));
    }
}
