package dev.baton.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.baton.learn.policy.DecisionKind;
import dev.baton.learn.policy.PolicyNetwork;
import dev.baton.learn.policy.PolicyShape;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What serves a learned conductor (this module, the server) carries baton-learn without its optional PyTorch engine:
 * a policy acts in plain Java, so planning with one must work with no engine on the class path.
 */
class ActingWithoutTheEngineTest {

    @Test
    void aPolicyScoresItsChoicesWithNoPyTorchOnTheClassPath() {
        assertThatThrownBy(() -> Class.forName("ai.djl.pytorch.engine.PtEngine", false, getClass().getClassLoader()))
                .isInstanceOf(ClassNotFoundException.class);
        PolicyShape shape = new PolicyShape(8, 3, 4, 3, 2, 2, 16, 8);
        float[][] descriptors = new float[shape.workers()][PolicyShape.DESCRIPTOR_FEATURES];
        PolicyNetwork network = PolicyNetwork.initialize(shape, descriptors, 7);

        float[] features = new float[shape.featureCount()];
        features[0] = 1;
        float[][] p = network.probabilities(List.of(features, features), List.of(DecisionKind.WORKER, DecisionKind.STOP),
                List.of(new boolean[] {true, false, true}, new boolean[] {true, true, true}));

        assertThat(p[0][0] + p[0][1] + p[0][2]).isCloseTo(1f, within(1e-5f));
        assertThat(p[0][1]).isZero();
        assertThat(p[1][0] + p[1][1]).isCloseTo(1f, within(1e-5f));
    }
}
