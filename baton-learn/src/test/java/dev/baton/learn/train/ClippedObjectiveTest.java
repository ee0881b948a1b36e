package dev.baton.learn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.baton.learn.policy.Engines;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** PPO's clipped objective against values worked out by hand (clip 0.2). */
class ClippedObjectiveTest {

    @BeforeAll
    static void engine() {
        Engines.configure();
    }

    @Test
    void aRatioAboveTheClipEarnsNoMoreThanTheClipForAGoodChoice() {
        // ratio 1.5, advantage +1: min(1.5, 1.2) = 1.2; loss -1.2 (max would give -1.5).
        assertThat(loss(Math.log(1.5), 1.0)).isEqualTo(-1.2, within(1e-5));
    }

    @Test
    void aRatioBelowTheClipIsChargedInFullForABadChoice() {
        // ratio 0.5, advantage -1: min(-0.5, -0.8) = -0.8; loss 0.8 (max would give 0.5).
        assertThat(loss(Math.log(0.5), -1.0)).isEqualTo(0.8, within(1e-5));
    }

    @Test
    void insideTheClipTheRatioCountsAsItIs() {
        // ratio 1.1, advantage 2: both terms 2.2; ratio 1.5, advantage -1: min(-1.5, -1.2) = -1.5. Mean 0.35; loss -0.35.
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray logProb = manager.create(new float[] {(float) Math.log(1.1), (float) Math.log(1.5)});
            NDArray old = manager.create(new float[] {0, 0});
            NDArray advantage = manager.create(new float[] {2, -1});
            assertThat(ClippedObjective.loss(logProb, old, advantage, 0.2).getFloat()).isEqualTo(-0.35f, within(1e-5f));
        }
    }

    private static double loss(double logRatio, double advantage) {
        try (NDManager manager = NDManager.newBaseManager()) {
            // The old log-probability is -1 here, so the ratio comes from the difference, not the value.
            NDArray logProb = manager.create(new float[] {(float) (logRatio - 1)});
            NDArray old = manager.create(new float[] {-1});
            return ClippedObjective.loss(logProb, old, manager.create(new float[] {(float) advantage}), 0.2).getFloat();
        }
    }
}
