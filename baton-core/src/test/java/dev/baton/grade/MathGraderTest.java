package dev.baton.grade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.task.AnswerType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MathGraderTest extends GraderContract {

    private final Grader grader = Graders.forType(AnswerType.MATH);

    @Override
    protected Grader grader() {
        return grader;
    }

    @Override
    protected AnswerType answerType() {
        return AnswerType.MATH;
    }

    @Override
    protected List<String> answers() {
        return List.of("\\frac{1}{2}", "\\sqrt{2}", "2x+2", "(1, 2)", "10");
    }

    @Override
    protected List<List<String>> sameAnswers() {
        return List.of(
                List.of("\\frac{1}{2}", "\\dfrac12", "0.5"),
                List.of("\\sqrt{2}", "\\sqrt2"),
                List.of("2x+2", "2(x+1)"),
                List.of("10", "10\\text{ cm}"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "\\dfrac{1}{2}|\\frac{1}{2}",
        "\\tfrac{1}{2}|\\frac12",
        "1/2|\\frac{1}{2}",
        "0.5|\\frac{1}{2}",
        "\\sqrt2|\\sqrt{2}",
        "\\sqrt{3}/2|\\frac{\\sqrt{3}}{2}",
        "5\\text{ cm}|5",
        "5 \\mbox{ inches}|5",
        "10 square units|10",
        "30^\\circ|30",
        "30^{\\circ}|30",
        "30 degrees|30",
        "2\\pi|2 \\pi",
        "\\left( 1, 2 \\right)|(1,2)",
        "10,\\!000|10000",
        "1\\,000|1000",
        "$\\frac{3}{4}$|\\frac34",
        "x = 5|5",
        "y=2x+3|2x+3",
        "2(x+1)|2x+2",
        "1112112_3|1112112_3",
        "\\text{(C)}|C",
        "25\\%|25",
        "\\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix}|\\begin{pmatrix}1\\\\2\\end{pmatrix}",
    })
    void acceptsEquivalentLatex(String answer, String gold) {
        assertThat(grader.equivalent(answer, gold)).isTrue();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "(-\\infty, 3]|(-\\infty,3]",
        "[-2, \\infty)|\\left[ -2, \\infty \\right)",
        "(0.5, 1)|(\\frac{1}{2}, 1)",
        "(-\\infty, 1) \\cup (2, \\infty)|(-\\infty,1)\\cup(2,\\infty)",
    })
    void acceptsEquivalentIntervalsAndTuples(String answer, String gold) {
        assertThat(grader.equivalent(answer, gold)).isTrue();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "'3,2,1'|'1, 2, 3'",
        "'\\{1, 2, 3\\}'|'1,2,3'",
        "'\\frac{1}{2}, -1'|'-1, 0.5'",
    })
    void ignoresOrderWhenTheGoldIsABareList(String answer, String gold) {
        assertThat(grader.equivalent(answer, gold)).isTrue();
    }

    @ParameterizedTest(name = "{0} != {1}")
    @CsvSource(delimiter = '|', value = {
        "\\frac{3}{5}|\\frac{3}{4}",
        "(2, 1)|(1, 2)",
        "(-\\infty, 3)|(-\\infty, 3]",
        "'1, 2'|'1, 2, 3'",
        "'-4, 1'|-4",
        "6\\sqrt{2}|6",
        "0.333|\\frac{1}{3}",
        "x+1|x+2",
        "x+1|1",
        "''|1",
    })
    void rejectsDifferentAnswers(String answer, String gold) {
        assertThat(grader.equivalent(answer, gold)).isFalse();
    }

    @Test
    void extractsLatexAnswerFromRecordedStyleReply() {
        String reply = "...so the ratio is $\\frac{\\sqrt{3}}{2}$.\",\n    \"answer\": \"\\frac{\\sqrt{3}}{2}\"\n}\n```";
        assertThat(grader.extract(reply)).contains("\\frac{\\sqrt{3}}{2}");
        assertThat(grader.equivalent(grader.extract(reply).orElseThrow(), "\\frac{\\sqrt3}{2}")).isTrue();
    }

    @Test
    void doesNotReadAMathReplyAsItsLastNumber() {
        // Measured on MATH-L5: the fallback credited guesses and moved per-model accuracy away from the published figures.
        assertThat(grader.extract("we get x = 3 and then 7")).isEmpty();
    }
}
