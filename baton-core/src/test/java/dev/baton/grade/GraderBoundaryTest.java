package dev.baton.grade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.task.AnswerType;
import org.junit.jupiter.api.Test;

/** Where the graders draw their lines, each decided and explained. */
class GraderBoundaryTest {

    private final Grader number = Graders.forType(AnswerType.NUMBER);
    private final Grader math = Graders.forType(AnswerType.MATH);

    @Test
    void wholeNumbersMustMatchExactlyEvenAboveAMillion() {
        // Decided: different. A relative tolerance of 1e-6 is for rounding in decimals; applied to whole numbers it
        // let 1000001 pass for 1000000, and two GSM8K golds are at least 1e6. Whole numbers compare exactly.
        assertThat(number.equivalent("1000001", "# 1000000")).isFalse();
        assertThat(math.equivalent("1000001", "1000000")).isFalse();
        assertThat(number.equivalent("1,000,000", "# 1000000")).isTrue();
        // Decimals keep the tolerance: 0.3333333 is within 1e-6 of 1/3's value.
        assertThat(number.equivalent("0.3333333", "1/3")).isTrue();
    }

    @Test
    void aDecimalThatMatchesPiToEightPlacesIsAcceptedForPi() {
        // Decided: same. The math grader compares values within 1e-6 relative, so it accepts 0.5 for \frac{1}{2};
        // telling rational from irrational closed forms would need symbolic algebra, and a reply that gives pi to
        // eight places has found the answer. (A stricter MATH-style grader would refuse it: a known difference.)
        assertThat(math.equivalent("3.14159265", "\\pi")).isTrue();
        assertThat(math.equivalent("3.14", "\\pi")).isFalse();
    }

    @Test
    void unitsAreDroppedSoFiveCentimetresMatchFiveMetres() {
        // Decided: same, as a known limitation. Golds and replies attach units inconsistently (10 vs 10\text{ cm}),
        // so units are dropped and the number judged; golds in one benchmark do not mix units for one question.
        assertThat(math.equivalent("5 cm", "5 m")).isTrue();
        assertThat(math.equivalent("5 cm", "6 cm")).isFalse();
    }

    @Test
    void squareRootOfXSquaredMatchesXAtThePositiveSamplePoints() {
        // Decided: same, as a known limitation. Expressions are compared at positive sample points, where
        // sqrt(x^2) = |x| = x; negative points would make every square root of a variable non-numeric.
        assertThat(math.equivalent("\\sqrt{x^2}", "x")).isTrue();
        assertThat(math.equivalent("\\sqrt{x^2}", "2x")).isFalse();
    }
}
