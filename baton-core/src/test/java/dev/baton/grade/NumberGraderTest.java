package dev.baton.grade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.task.AnswerType;
import dev.baton.task.Task;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumberGraderTest extends GraderContract {

    private final Grader grader = Graders.forType(AnswerType.NUMBER);

    @Override
    protected Grader grader() {
        return grader;
    }

    @Override
    protected AnswerType answerType() {
        return AnswerType.NUMBER;
    }

    @Override
    protected List<String> answers() {
        return List.of("# 18", "-3", "0.5", "1000", "2.75");
    }

    @Override
    protected List<List<String>> sameAnswers() {
        return List.of(
                List.of("# 18", "#### 18", "18", "$18", "18.0", "18 dollars"),
                List.of("0.5", "1/2", "\\frac{1}{2}"),
                List.of("1000", "$1,000", "1,000"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "18|# 18",
        "18|#### 18",
        "$18|# 18",
        "18.0|18",
        "18.00|18",
        "18 dollars|18",
        "$18 per day|18",
        "$1,000|1000",
        "1,000,000|1000000",
        "18%|18",
        "-3|-3",
        "1/2|0.5",
        "\\frac{1}{2}|0.5",
        "2:00 pm|2",
        "18.|18",
    })
    void acceptsTheSameNumberInAnyNotation(String answer, String gold) {
        assertThat(grader.equivalent(answer, gold)).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "17|# 18",
        "-18|18",
        "0.5|1/3",
        "9 * 2 = 18|18",
        "(5 + 4 + 2) * 7|77",
        "12 or 13|12",
        "no idea|18",
        "''|18",
    })
    void rejectsOtherNumbersWorkingAndProse(String answer, String gold) {
        assertThat(grader.equivalent(answer, gold)).isFalse();
    }

    @Test
    void toleratesFloatingPointNoise() {
        assertThat(grader.equivalent("0.30000000000000004", "0.3")).isTrue();
    }

    @Test
    void gradesARecordedReplyAgainstAGsm8kGold() {
        Task task = Task.of("gsm8k-0", "How much does Janet make?", "# 18", AnswerType.NUMBER);
        String reply = "```json\n{\n  \"reasoning\": \"9 eggs at $2 each\",\n  \"answer\": \"$18\"\n}\n```";
        Outcome outcome = grader.grade(reply, task);
        assertThat(outcome.answer()).contains("$18");
        assertThat(outcome.correct()).isTrue();
    }

    @Test
    void readsTheLastNumberOfAReplyWithoutExplicitAnswer() {
        assertThat(grader.extract("9 eggs times $2 is $18")).contains("18");
    }
}
