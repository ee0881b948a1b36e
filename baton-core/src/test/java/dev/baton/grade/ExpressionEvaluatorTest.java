package dev.baton.grade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpressionEvaluatorTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1+2*3|7",
        "(1+2)*3|9",
        "2^10|1024",
        "2^{-1}|0.5",
        "-3^2|-9",
        "\\frac{1}{2}|0.5",
        "\\frac12|0.5",
        "\\frac{\\sqrt{3}}{2}|0.8660254037844386",
        "\\sqrt{3}/2|0.8660254037844386",
        "\\sqrt2|1.4142135623730951",
        "\\sqrt[3]{27}|3",
        "2\\sqrt{3}|3.4641016151377544",
        "3\\pi|9.42477796076938",
        "6 \\cdot 7|42",
        "6\\times7|42",
        "sqrt(16)|4",
        "\\log_2 8|3",
    })
    void evaluatesArithmeticInLatexAndPlainNotation(String expression, double value) {
        assertThat(ExpressionEvaluator.evaluate(expression)).hasValueCloseTo(value, within(1e-9));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"x+1", "\\infty", "(1,2)", "1/0", "\\text{yes}", "2+", "''"})
    void refusesWhatIsNotAFiniteNumber(String expression) {
        assertThat(ExpressionEvaluator.evaluate(expression)).isEmpty();
    }

    @Test
    void refusesNestingDeeperThanAnyAnswerRatherThanOverflowingTheStack() {
        assertThat(ExpressionEvaluator.evaluate("(".repeat(10) + "1" + ")".repeat(10))).hasValue(1.0);
        assertThat(ExpressionEvaluator.evaluate("(".repeat(5_000) + "1" + ")".repeat(5_000))).isEmpty();
        assertThat(ExpressionEvaluator.evaluate("\\frac{1}{".repeat(2_000) + "2" + "}".repeat(2_000))).isEmpty();
        assertThat(ExpressionEvaluator.evaluate("2^".repeat(5_000) + "1")).isEmpty();
    }

    @Test
    void evaluatesBoundVariables() {
        assertThat(ExpressionEvaluator.evaluate("2x^2 + \\pi r", Map.of('x', 3.0, 'r', 1.0)))
                .hasValueCloseTo(18 + Math.PI, within(1e-9));
    }
}
