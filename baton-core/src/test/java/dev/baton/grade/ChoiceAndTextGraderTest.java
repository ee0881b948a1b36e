package dev.baton.grade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.task.AnswerType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChoiceAndTextGraderTest {

    private final Grader choice = Graders.forType(AnswerType.CHOICE);
    private final Grader text = Graders.forType(AnswerType.TEXT);

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

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Paris|paris",
        "The Eiffel Tower|eiffel tower",
        "  New   York. |new york",
        "an apple!|Apple",
        "Café|cafe",
    })
    void matchesTextAfterNormalisation(String answer, String gold) {
        assertThat(text.equivalent(answer, gold)).isTrue();
    }

    @Test
    void rejectsDifferentText() {
        assertThat(text.equivalent("London", "Paris")).isFalse();
        assertThat(text.equivalent("the", "a")).isFalse();
    }

    @Test
    void neverReadsATextReplyAsItsLastNumber() {
        assertThat(text.extract("I counted 3 towers")).isEmpty();
    }

    @Test
    void sharesOneStatelessGraderPerType() {
        for (AnswerType type : AnswerType.values()) {
            assertThat(Graders.forType(type)).isSameAs(Graders.forType(type));
        }
    }
}
