package dev.baton.eval.study;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.learn.train.TrainingConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class SweepSettingTest {

    private static final TrainingConfig CONFIGURED = TrainingConfig.defaults();

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
    void labelsBecomeFileNames() {
        assertThat(SweepSetting.fileLabel("lambda=1 max-calls 3 seed 2")).isEqualTo("lambda-1-max-calls-3-seed-2");
        assertThat(SweepSetting.fileLabel("lambda=0.5")).isEqualTo("lambda-0.5");
    }
}
