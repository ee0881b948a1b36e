package dev.baton.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;

class ContextModelTest {

    private static final BiPredicate<String, String> SAME = Objects::equals;
    private final ContextModel model = new ContextModel(0.8, 0.7, 0);

    @Test
    void unparseableOwnAnswerTakesThePlurality() {
        int choice = model.choose(Optional.empty(), List.of("1", "2", "2"), SAME, new SplittableRandom(1));
        assertThat(choice).isIn(1, 2);
    }

    @Test
    void ownAnswerAmongTheCandidatesIsKept() {
        for (int seed = 0; seed < 50; seed++) {
            assertThat(model.choose(Optional.of("2"), List.of("1", "2"), SAME, new SplittableRandom(seed))).isEqualTo(-1);
        }
    }

    @Test
    void answerBackedByTwoStepsIsAdoptedAtRateFollow() {
        int adopted = 0;
        int draws = 10_000;
        for (int seed = 0; seed < draws; seed++) {
            if (model.choose(Optional.of("7"), List.of("3", "3"), SAME, new SplittableRandom(seed)) >= 0) {
                adopted++;
            }
        }
        assertThat(adopted / (double) draws).isBetween(0.77, 0.83);
    }

    @Test
    void loneDifferingCandidateReplacesOwnAtRateOneMinusKeep() {
        int replaced = 0;
        int draws = 10_000;
        for (int seed = 0; seed < draws; seed++) {
            if (model.choose(Optional.of("7"), List.of("3"), SAME, new SplittableRandom(seed)) == 0) {
                replaced++;
            }
        }
        assertThat(replaced / (double) draws).isBetween(0.27, 0.33);
    }

    @Test
    void noCandidatesMeansOwnAnswer() {
        assertThat(model.choose(Optional.of("1"), List.of(), SAME, new SplittableRandom(0))).isEqualTo(-1);
        assertThat(model.choose(Optional.<String>empty(), List.of(), SAME, new SplittableRandom(0))).isEqualTo(-1);
    }

    @Test
    void sameSeedSameChoice() {
        int first = model.choose(Optional.of("7"), List.of("3", "4"), SAME, new SplittableRandom(42));
        int second = model.choose(Optional.of("7"), List.of("3", "4"), SAME, new SplittableRandom(42));
        assertThat(first).isEqualTo(second);
    }

    @Test
    void aWorkersRateMeasuredInTheQuestionsCategoryIsDrawnThereAndItsPooledRateElsewhere() {
        OptionalDouble none = OptionalDouble.empty();
        // Pooled, the checker keeps its own right answer; on times questions it measured never to.
        ContextModel checker = new ContextModel(0.8, 0.7, 0).withMeasured(Map.of("checker", new ContextModel.Rates(none, none,
                OptionalDouble.of(1), none, none, Map.of("times", new ContextModel.Rates(none, none, OptionalDouble.of(0), none, none,
                        Map.of(), 5)), 10)), "fitted.yaml");

        for (int seed = 0; seed < 50; seed++) {
            assertThat(keepsOwnRight(checker, Optional.of("times"), seed)).as("times: its own rate, 0").isFalse();
            assertThat(keepsOwnRight(checker, Optional.of("carry"), seed)).as("carry, not measured: the pooled 1").isTrue();
            assertThat(keepsOwnRight(checker, Optional.empty(), seed)).as("no category: the pooled 1").isTrue();
        }
    }

    @Test
    void aRateACategoryDidNotMeasureFallsBackToTheWorkersPooledOneThenToTheTopLevel() {
        OptionalDouble none = OptionalDouble.empty();
        // times measured only p_correct; keeping its right answer comes from the worker (0), following from the top level (1).
        ContextModel model = new ContextModel(1.0, 0.7, 0).withMeasured(Map.of("w", new ContextModel.Rates(none, none,
                OptionalDouble.of(0), none, none, Map.of("times", new ContextModel.Rates(none, none, none, none, OptionalDouble.of(0.5),
                        Map.of(), 3)), 10)), "fitted.yaml");

        for (int seed = 0; seed < 50; seed++) {
            assertThat(keepsOwnRight(model, Optional.of("times"), seed)).isFalse();
            assertThat(model.choose("w", Optional.of("times"), Optional.of("7"), List.of("3", "3"), SAME, "3"::equals,
                    new SplittableRandom(seed))).isEqualTo(new ContextChoice.Peer(0));
        }
    }

    /** Whether a worker whose own answer 7 is right keeps it against a lone differing 3. */
    private static boolean keepsOwnRight(ContextModel model, Optional<String> category, int seed) {
        String worker = model.measured().keySet().iterator().next();
        return model.choose(worker, category, Optional.of("7"), List.of("3"), SAME, "7"::equals, new SplittableRandom(seed))
                instanceof ContextChoice.Own;
    }
}
