package dev.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.learn.train.CurvePoint;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TrainingProgressTest {

    @Test
    void aSweepRunIsNamedBySettingAndPlaceInTheSweep() {
        assertThat(TrainingProgress.label("lambda=1 max-calls 3", 1, 4)).isEqualTo("lambda=1 max-calls 3 (2/4)");
        assertThat(TrainingProgress.label("lambda=10", 0, 1)).isEqualTo("lambda=10");
    }

    @Test
    void inEightyColumnsTheBarNamesTheSettingAndShowsAccuracyCostAndCalls() {
        StringWriter drawn = new StringWriter();
        TrainingProgress progress = new TrainingProgress(new ProgressBar(new PrintWriter(drawn)),
                TrainingProgress.label("lambda=1 max-calls 3", 1, 4));

        progress.iterationDone(new CurvePoint(120, 0.8123, 85.04, 0.00008759999999999999, 2.96), 300);

        String line = drawn.toString().replace("\r", "").replace("\u001b[K", "");
        assertThat(line).hasSizeLessThanOrEqualTo(79).endsWith(" (120/300)")
                .contains("lambda=1 max-calls 3 (2/4)", "85.0%", "$0.0000876", "3.0 calls");
    }
}
