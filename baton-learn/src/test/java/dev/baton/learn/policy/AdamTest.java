package dev.baton.learn.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Adam with global-norm clipping against values worked out by hand (beta1 0.9, beta2 0.999, epsilon 1e-8). */
class AdamTest {

    @Test
    void theFirstStepMovesEachParameterByTheLearningRateAndTheSecondByTheCorrectedMoments() {
        Map<String, float[]> p = parameters();
        Adam adam = new Adam(0.1, 10);

        adam.step(p, Map.of("w", new float[] {0.5f, -0.25f}));
        // m = 0.1 g, v = 0.001 g^2; corrected: m/0.1 = g, v/0.001 = g^2: step = 0.1 * g / |g| = 0.1 against the sign.
        assertThat(p.get("w")).containsExactly(new float[] {0.9f, -1.9f}, within(1e-6f));

        adam.step(p, Map.of("w", new float[] {-0.5f, 0.25f}));
        // First parameter: m = 0.9 * 0.05 - 0.05 = -0.005, corrected by 1 - 0.81 = 0.19: -0.026316;
        // v = 0.999 * 0.00025 + 0.00025 = 0.00049975, corrected by 0.001999: 0.25, root 0.5.
        // Step = 0.1 * -0.026316 / 0.5 = -0.0052632: 0.9 -> 0.9052632 (the second mirrors it).
        assertThat(p.get("w")).containsExactly(new float[] {0.9052632f, -1.9052632f}, within(1e-6f));
        assertThat(adam.state().steps()).isEqualTo(2);
    }

    @Test
    void aGradientLongerThanTheBoundIsScaledDownToIt() {
        Map<String, float[]> clipped = parameters();
        Map<String, float[]> free = parameters();
        Adam bounded = new Adam(0.1, 1.0);
        Adam unbounded = new Adam(0.1, 100.0);
        for (float[] g : new float[][] {{3, 4}, {0.3f, 0.4f}}) {
            bounded.step(clipped, Map.of("w", g.clone()));
            unbounded.step(free, Map.of("w", g.clone()));
        }
        // Bounded: the first gradient (norm 5) becomes (0.6, 0.8); the second (norm 0.5) stays. First parameter:
        // m = 0.9 * 0.06 + 0.03 = 0.084 / 0.19 = 0.442105; v = 0.999 * 0.00036 + 0.00009 = 0.00044964 / 0.001999
        // = 0.224932, root 0.474270; second step 0.1 * 0.442105 / 0.474270 = 0.093218: 0.9 -> 0.806782.
        assertThat(clipped.get("w")[0]).isEqualTo(0.806782f, within(1e-5f));
        // Unbounded, the large first gradient dominates v and the second step is shorter: 0.9 -> 0.825919.
        assertThat(free.get("w")[0]).isEqualTo(0.825919f, within(1e-5f));
    }

    @Test
    void restoringTheStateContinuesExactly() {
        Map<String, float[]> a = parameters();
        Map<String, float[]> b = parameters();
        Adam first = new Adam(0.1, 1.0);
        first.step(a, Map.of("w", new float[] {1, 2}));
        b.get("w")[0] = a.get("w")[0];
        b.get("w")[1] = a.get("w")[1];
        Adam resumed = new Adam(0.1, 1.0);
        resumed.restore(first.state());

        first.step(a, Map.of("w", new float[] {-1, 0.5f}));
        resumed.step(b, Map.of("w", new float[] {-1, 0.5f}));

        assertThat(b.get("w")).containsExactly(a.get("w"));
    }

    private static Map<String, float[]> parameters() {
        Map<String, float[]> p = new LinkedHashMap<>();
        p.put("w", new float[] {1, -2});
        return p;
    }
}
