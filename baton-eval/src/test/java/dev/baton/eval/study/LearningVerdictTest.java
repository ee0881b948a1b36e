package dev.baton.eval.study;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.eval.EvalRow;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LearningVerdictTest {

    private static EvalRow row(double accuracy, double cost) {
        return new EvalRow("x", accuracy, accuracy - 2, accuracy + 2, 1, cost, 100, 500, Map.of());
    }

    @Test
    void learningIsRealOnlyWhenTheTrainedPolicyBeatsBothTheUntrainedOneAndTheShuffledControl() {
        // GSM8K's figures: 94.3% at $0.000669 vs 81.7% at $0.000289 vs 91.9% at $0.001140, lambda 10.
        LearningVerdict gsm8k = new LearningVerdict(10, row(94.3, 0.000669), row(81.7, 0.000289), row(91.9, 0.001140));
        assertThat(gsm8k.objective(gsm8k.trained())).isCloseTo(0.94300 - 0.00669, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(gsm8k.learned()).isTrue();
        assertThat(gsm8k.finding().line()).isEqualTo("learning is real: The training objective (accuracy - lambda x "
                + "cost, lambda=10) on test is 0.936 trained, +0.122 against the untrained policy (0.814) and +0.029 against the "
                + "shuffled-reward control (0.908); accuracy 94.3% trained, 81.7% untrained, 91.9% for the control.");

        // The control ahead: the reward did not carry the learning.
        assertThat(new LearningVerdict(10, row(90, 0.001), row(80, 0.001), row(91, 0.001)).learned()).isFalse();
        // Ahead on accuracy but paying for it beyond what lambda allows: not learning the objective.
        LearningVerdict costly = new LearningVerdict(10, row(95, 0.02), row(90, 0.001), row(80, 0.001));
        assertThat(costly.learned()).isFalse();
        assertThat(costly.finding().line()).contains("learning is NOT shown", "-0.140 against the untrained policy");
        // A tie is not learning.
        assertThat(new LearningVerdict(0, row(90, 0), row(90, 0), row(50, 0)).learned()).isFalse();
    }
}
