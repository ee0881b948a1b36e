package dev.baton.eval.study;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.learn.conductor.AnswerRule;
import dev.baton.learn.train.TrainingConfig;
import dev.baton.offline.ContextModel;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class SweepSettingTest {

    private static final TrainingConfig CONFIGURED = TrainingConfig.defaults();
    private static final ContextModel ASSUMED = new ContextModel(0.8, 0.7, 0);
    private static final ContextModel MEASURED = ASSUMED.withMeasured(
            Map.of("checker", new ContextModel.Rates(OptionalDouble.of(0.4), OptionalDouble.of(0.6), 12)), "fitted.yaml");

    @Test
    void theDefaultSweepIsThreeCostPenaltiesAndTheCheapEndHeldToThreeCalls() {
        List<TrainingConfig> runs = SweepSetting.runs(SweepSetting.DEFAULT, CONFIGURED);
        assertThat(runs).extracting(TrainingConfig::lambda).containsExactly(1.0, 1.0, 10.0, 100.0);
        assertThat(runs).extracting(TrainingConfig::maxTotalCalls).containsExactly(3, 8, 8, 8);
        assertThat(runs.getFirst().maxSteps()).isEqualTo(3);
        assertThat(runs).extracting(run -> SweepSetting.label(run, CONFIGURED))
                .containsExactly("lambda=1 max-calls 3", "lambda=1", "lambda=10", "lambda=100");
        // The configured run itself is in the sweep: the learning verdict compares it with its controls.
        assertThat(runs).contains(CONFIGURED);
    }

    @Test
    void aCapAtOrAboveTheConfiguredOneIsNoSettingOfItsOwn() {
        TrainingConfig tight = CONFIGURED.withMaxCalls(2);
        List<TrainingConfig> runs = SweepSetting.runs(SweepSetting.DEFAULT, tight);
        assertThat(runs).extracting(run -> SweepSetting.label(run, tight)).containsExactly("lambda=1", "lambda=10", "lambda=100");
        assertThat(runs).extracting(TrainingConfig::maxTotalCalls).containsOnly(2);
    }

    @Test
    void onAnAssumedContextModelTheSweepIsTheDefaultOne() {
        List<TrainingConfig> runs = SweepSetting.runs(SweepSetting.forContext(ASSUMED), CONFIGURED);
        assertThat(runs).isEqualTo(SweepSetting.runs(SweepSetting.DEFAULT, CONFIGURED));
        assertThat(runs).extracting(TrainingConfig::answerRule).containsOnly(AnswerRule.WEIGHTED_VOTE);
    }

    @Test
    void onAMeasuredContextModelTheSweepAlsoOffersTheLastStepRuleAtLambdaOneAndTen() {
        List<TrainingConfig> runs = SweepSetting.runs(SweepSetting.forContext(MEASURED), CONFIGURED);
        assertThat(runs).extracting(run -> SweepSetting.label(run, CONFIGURED)).containsExactly("lambda=1 max-calls 3", "lambda=1",
                "lambda=10", "lambda=100", "lambda=1 last-step", "lambda=10 last-step");
        assertThat(runs.subList(4, 6)).extracting(TrainingConfig::answerRule).containsOnly(AnswerRule.LAST_STEP);
        assertThat(runs.subList(4, 6)).extracting(TrainingConfig::maxTotalCalls).containsOnly(CONFIGURED.maxTotalCalls());
        assertThat(SweepSetting.fileLabel(SweepSetting.label(runs.get(4), CONFIGURED))).isEqualTo("lambda-1-last-step");
        assertThat(runs).contains(CONFIGURED);
    }

    @Test
    void underAConfiguredLastStepRuleTheMeasuredSweepIsTheDefaultOne() {
        TrainingConfig lastStep = CONFIGURED.withAnswerRule(AnswerRule.LAST_STEP);
        List<TrainingConfig> runs = SweepSetting.runs(SweepSetting.forContext(MEASURED), lastStep);
        assertThat(runs).isEqualTo(SweepSetting.runs(SweepSetting.DEFAULT, lastStep));
        assertThat(runs).extracting(run -> SweepSetting.label(run, lastStep))
                .containsExactly("lambda=1 max-calls 3", "lambda=1", "lambda=10", "lambda=100");
    }

    @Test
    void labelsBecomeFileNames() {
        assertThat(SweepSetting.fileLabel("lambda=1 max-calls 3 seed 2")).isEqualTo("lambda-1-max-calls-3-seed-2");
        assertThat(SweepSetting.fileLabel("lambda=0.5")).isEqualTo("lambda-0.5");
    }
}
