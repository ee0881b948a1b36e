package dev.baton.grade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.task.AnswerType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextGraderTest extends GraderContract {

    private final Grader text = Graders.forType(AnswerType.TEXT);

    @Override
    protected Grader grader() {
        return text;
    }

    @Override
    protected AnswerType answerType() {
        return AnswerType.TEXT;
    }

    @Override
    protected List<String> answers() {
        return List.of("Paris", "New York", "Eiffel Tower", "Café au lait");
    }

    @Override
    protected List<List<String>> sameAnswers() {
        return List.of(List.of("Paris", "paris", "  Paris. "), List.of("The Eiffel Tower", "eiffel tower", "an Eiffel tower!"));
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
}
