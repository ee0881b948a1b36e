package dev.baton.grade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.task.AnswerType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChoiceGraderTest extends GraderContract {

    private final Grader choice = Graders.forType(AnswerType.CHOICE);

    @Override
    protected Grader grader() {
        return choice;
    }

    @Override
    protected AnswerType answerType() {
        return AnswerType.CHOICE;
    }

    @Override
    protected List<String> answers() {
        return List.of("A", "B", "C", "D", "J");
    }

    @Override
    protected List<List<String>> sameAnswers() {
        return List.of(List.of("C", "(C)", "c", "C)", "C.", "\\text{(C)}"), List.of("A", "[A]", "The answer is A"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"(C)", "C", "C)", "c", "C.", "The answer is C", "(C) 42 apples", "\\text{(C)}"})
    void readsOptionLetterInAnyNotation(String answer) {
        assertThat(choice.equivalent(answer, "C")).isTrue();
        assertThat(choice.equivalent(answer, "(C)")).isTrue();
        assertThat(choice.equivalent(answer, "B")).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"answer\": \"(C)\"}|C",
        "Weighing both... The answer is (D).|D",
        "I would go with (A) since (B) is too small. Final: (A)|A",
    })
    void extractsOptionLetterFromReply(String reply, String letter) {
        assertThat(choice.extract(reply)).contains(letter);
    }

    @Test
    void neverReadsAChoiceReplyAsItsLastNumber() {
        assertThat(choice.extract("There are 4 options and 2 are wrong")).isEmpty();
    }

    @Test
    void sharesOneStatelessGraderPerType() {
        for (AnswerType type : AnswerType.values()) {
            assertThat(Graders.forType(type)).isSameAs(Graders.forType(type));
        }
    }
}
