package dev.baton.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Objects;
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
}
