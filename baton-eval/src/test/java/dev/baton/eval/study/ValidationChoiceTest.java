package dev.baton.eval.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.eval.EvalRow;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ValidationChoiceTest {

    private static EvalRow row(double accuracy, double calls, double cost) {
        return new EvalRow("x", accuracy, accuracy - 2, accuracy + 2, calls, cost, 100, 200, Map.of());
    }

    private static ValidationChoice.Candidate candidate(String label, double accuracy, double calls, double cost) {
        return candidate(label, accuracy, calls, cost, 90.0);
    }

    private static ValidationChoice.Candidate candidate(String label, double accuracy, double calls, double cost, double pools) {
        return new ValidationChoice.Candidate(label, null, row(accuracy, calls, cost), pools);
    }

    private static final EvalRow BAR = row(95.0, 1, 0.0009);

    @Test
    void theCheapestCandidateThatReachesTheBestSingleWorkerIsChosen() {
        List<ValidationChoice.Candidate> candidates = List.of(candidate("lambda=1", 96.0, 2.1, 0.0030),
                candidate("lambda=10", 95.0, 1.0, 0.0008), candidate("lambda=100", 93.0, 1.0, 0.0002));
        ValidationChoice.Choice choice = ValidationChoice.choose(candidates, BAR, "big", OptionalDouble.of(90.0), 200, 600);
        assertThat(choice.chosen().label()).isEqualTo("lambda=10");
        assertThat(choice.reachesBar()).isTrue();
        assertThat(choice.why()).contains("200 validation questions", "other 600", "big, 95.0% on validation",
                "lambda=100 93.0% / 1.00 / $0.0002 / 90.0%", "Chosen: lambda=10 (reaches the bar)");
        // The report says the same in sentences and folds the candidates' figures into a table of their own.
        assertThat(choice.finding().text()).startsWith("Chosen on 200 validation questions")
                .endsWith("Chosen: lambda=10 (reaches the bar).").doesNotContain("Candidates", "93.0%");
        assertThat(choice.finding().table().rows()).containsExactly(List.of("lambda=1", "96.0", "2.10", "$0.003", "90.0"),
                List.of("lambda=10", "95.0", "1.00", "$0.0008", "90.0"), List.of("lambda=100", "93.0", "1.00", "$0.0002", "90.0"));
    }

    @Test
    void aCandidateThatOnlyJustClearsTheBarDoesNotWinOnPriceOverOneSeveralPointsBetter() {
        // MMLU-Pro's seeds on validation: one clears the 69.5% bar by 0.1 point at a quarter of the price of 73.6%.
        List<ValidationChoice.Candidate> candidates = List.of(candidate("seed 0", 73.6, 1.0, 0.001556, 63.0),
                candidate("seed 1", 73.6, 1.0, 0.001597, 63.0), candidate("seed 2", 69.6, 1.0, 0.000412, 62.7),
                candidate("lambda=1", 73.6, 1.0, 0.001574, 63.2));
        ValidationChoice.Choice choice = ValidationChoice.choose(candidates, row(69.5, 1, 0.0072), "gpt-4o", OptionalDouble.of(62.2), 1059, 3227);
        // The three at 73.6% cost the same within a tenth; the best on the random pools of them wins.
        assertThat(choice.chosen().label()).isEqualTo("lambda=1");
        // Within the tolerance, price decides.
        List<ValidationChoice.Candidate> close = List.of(candidate("a", 73.6, 1.0, 0.0016, 63.0), candidate("b", 72.9, 1.0, 0.0004, 62.5));
        assertThat(ValidationChoice.choose(close, row(69.5, 1, 0.0072), "gpt-4o", OptionalDouble.of(62.2), 1059, 3227).chosen().label()).isEqualTo("b");
    }

    @Test
    void costsWithinATenthCountAsTheSameAndThenTheMoreAccurateWins() {
        // MATH-L5 on validation: both route the whole pool to its best worker; one also votes in weaker pools, +1 point.
        double poolBar = 55.0;
        List<ValidationChoice.Candidate> candidates = List.of(candidate("lambda=1", 90.0, 1.0, 0.002718, poolBar + 1.05),
                candidate("lambda=10", 90.0, 1.0, 0.002714, poolBar + 0.10));
        ValidationChoice.Choice choice = ValidationChoice.choose(candidates, row(90.0, 1, 0.0027), "o1-mini", OptionalDouble.of(poolBar), 100, 330);
        assertThat(choice.chosen().label()).isEqualTo("lambda=1");
        assertThat(choice.why()).contains("costs within 10% count as the same");
        // A tenth cheaper or more is a saving: then price decides again, within the tolerance.
        List<ValidationChoice.Candidate> cheaper = List.of(candidates.get(0), candidate("lambda=10", 90.0, 1.0, 0.002718 * 0.89, poolBar + 0.10));
        assertThat(ValidationChoice.choose(cheaper, row(90.0, 1, 0.0027), "o1-mini", OptionalDouble.of(poolBar), 100, 330).chosen().label())
                .isEqualTo("lambda=10");
    }

    @Test
    void aCandidateMustAlsoReachTheBestWorkerOfSmallPoolsOnAverage() {
        List<ValidationChoice.Candidate> candidates = List.of(candidate("lambda=1", 96.0, 1.0, 0.0015, 91.0),
                candidate("lambda=10", 95.0, 1.0, 0.0008, 88.0));
        ValidationChoice.Choice choice = ValidationChoice.choose(candidates, BAR, "big", OptionalDouble.of(90.0), 200, 600);
        assertThat(choice.chosen().label()).isEqualTo("lambda=1");
        assertThat(choice.reachesBar()).isTrue();
        assertThat(choice.why()).contains("each random 4-worker pool's best, 90.0% on average");
    }

    @Test
    void whenNoneReachesTheBarTheMostAccurateIsChosenAndTheFindingSaysSo() {
        List<ValidationChoice.Candidate> candidates = List.of(candidate("lambda=1", 94.5, 1.2, 0.0010),
                candidate("lambda=10", 93.0, 1.0, 0.0004));
        ValidationChoice.Choice choice = ValidationChoice.choose(candidates, BAR, "big", OptionalDouble.of(90.0), 200, 600);
        assertThat(choice.chosen().label()).isEqualTo("lambda=1");
        assertThat(choice.reachesBar()).isFalse();
        assertThat(choice.why()).contains("No learned setting reached the bar", "0.5 points below big",
                "routing everything to big is the accurate default");
    }

    @Test
    void onAPoolOfFourWorkersOrFewerTheRandomPoolsAreSaidNotToApply() {
        List<ValidationChoice.Candidate> candidates = List.of(candidate("lambda=1", 96.0, 1.2, 0.0010, 0),
                candidate("lambda=10", 93.0, 1.0, 0.0004, 0));
        ValidationChoice.Choice reached = ValidationChoice.choose(candidates, BAR, "big", OptionalDouble.empty(), 200, 600);
        assertThat(reached.chosen().label()).isEqualTo("lambda=1");
        assertThat(reached.why()).contains("each random 4-worker pool's best does not apply (the pool has 4 workers or fewer)",
                        "lambda=1 96.0% / 1.20 / $0.001", "lambda=10 93.0% / 1.00 / $0.0004. Chosen")
                .doesNotContain("on average", "/ 0.0%", "mean accuracy on the random pools");

        List<ValidationChoice.Candidate> trailing = List.of(candidate("lambda=1", 94.0, 1.2, 0.0010, 0));
        assertThat(ValidationChoice.choose(trailing, BAR, "big", OptionalDouble.empty(), 200, 600).why())
                .contains("1.0 points below big on validation:").doesNotContain("random pools' best");
    }

    @Test
    void nothingToChooseFromIsABug() {
        assertThatThrownBy(() -> ValidationChoice.choose(List.of(), BAR, "big", OptionalDouble.of(90.0), 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theValidationPartIsAStableQuarterOfTrain() {
        int in = 0;
        for (int i = 0; i < 4000; i++) {
            in += ValidationChoice.inValidation("gsm8k", "q" + i) ? 1 : 0;
        }
        assertThat(in).isBetween(900, 1100);
        assertThat(ValidationChoice.inValidation("gsm8k", "q1")).isEqualTo(ValidationChoice.inValidation("gsm8k", "q1"));
    }
}
