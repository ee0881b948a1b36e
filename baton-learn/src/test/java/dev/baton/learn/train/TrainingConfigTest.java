package dev.baton.learn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.input.InvalidSettingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrainingConfigTest {

    private static final TrainingConfig DEFAULTS = TrainingConfig.defaults();

    @ParameterizedTest
    @ValueSource(doubles = {Double.POSITIVE_INFINITY, Double.NaN, 1e308, 1e7, -1})
    void aNonFiniteNegativeOrAbsurdLambdaIsRefused(double lambda) {
        assertThatThrownBy(() -> DEFAULTS.withLambda(lambda))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("lambda must be a number from 0 to 1000000 (reward charged per USD), got " + lambda);
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.POSITIVE_INFINITY, Double.NaN, 1e30, 1.5, 0, -0.001})
    void aNonFiniteOrAbsurdLearningRateIsRefused(double rate) {
        assertThatThrownBy(() -> withLearningRate(rate))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("learning rate must be a number above 0 and at most 1.0, got " + rate);
    }

    @Test
    void countsOutsideTheirRangesAreRefusedByName() {
        assertThatThrownBy(() -> DEFAULTS.withBatch(4, 100_000)).hasMessage("rollouts must be from 2 to 1024, got 100000");
        assertThatThrownBy(() -> DEFAULTS.withBatch(100_000, 8)).hasMessage("questions must be from 1 to 4096, got 100000");
        assertThatThrownBy(() -> DEFAULTS.withIterations(0)).hasMessage("iterations must be from 1 to 1000000, got 0");
        assertThatThrownBy(() -> DEFAULTS.withCheckpointEvery(0)).hasMessage("checkpoint-every must be at least 1, got 0");
    }

    private static TrainingConfig withLearningRate(double rate) {
        TrainingConfig d = DEFAULTS;
        return new TrainingConfig(d.iterations(), d.questions(), d.rollouts(), d.lambda(), rate, d.clip(), d.epochs(), d.draws(),
                d.randomizePools(), d.shuffleRewards(), d.maxSteps(), d.laterRoundSteps(), d.maxRounds(), d.maxTotalCalls(), d.hidden(),
                d.seed(), d.checkpointEvery(), d.answerRule());
    }

    @org.junit.jupiter.api.Test
    void differencesNameEachSettingWithBothValuesAsTyped() {
        TrainingConfig checkpoint = DEFAULTS.withLambda(10).withSeed(0);
        TrainingConfig here = DEFAULTS.withLambda(1).withSeed(3).withIterations(500);

        assertThat(here.differencesFrom(checkpoint)).containsExactly("lambda 10 there, 1 here", "seed 0 there, 3 here");
        assertThat(DEFAULTS.withIterations(7).differencesFrom(DEFAULTS)).as("the number of iterations may grow").isEmpty();
        assertThat(DEFAULTS.withShuffledRewards(true).differencesFrom(DEFAULTS)).containsExactly("shuffle-rewards false there, true here");
    }

    @Test
    void settingsNameEveryComponentAsAPersonReadsIt() {
        var settings = DEFAULTS.withLambda(1).settings();

        assertThat(settings).hasSize(TrainingConfig.class.getRecordComponents().length);
        assertThat(settings.sequencedKeySet().getFirst()).isEqualTo("iterations");
        assertThat(settings).containsEntry("lambda", "1").containsEntry("learning-rate", "0.001")
                .containsEntry("randomize-pools", "true").containsEntry("max-total-calls", "8")
                .containsEntry("answer-rule", DEFAULTS.answerRule().toString());
    }
}
