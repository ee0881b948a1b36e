package dev.baton.learn.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A worker joining a trained policy changes nothing for the trained workers while it is not offered. */
class JoiningWorkerTest {

    private final PolicyShape shape = new PolicyShape(8, 3, 3, 5, 2, 3, 16, 4);
    private final float[][] descriptors = {{0, 0, 0.5f}, {0.5f, 0.5f, 0.8f}, {-1, -1, 0.3f}};

    @Test
    void whileTheNewcomerIsNotOfferedEveryChoiceHasTheSameProbabilitiesAsBefore() {
        float[][] wider = {descriptors[0], descriptors[1], descriptors[2], {1, 1, 0.95f}};
        try (PolicyNetwork trained = PolicyNetwork.initialize(shape, descriptors, 7);
             PolicyNetwork joined = PolicyNetwork.restore(shape.withOneMoreWorker(), wider,
                     JoiningWorker.parameters(shape, trained.parameters()))) {
            SplittableRandom random = new SplittableRandom(3);
            List<PlanState> plans = new ArrayList<>();
            List<SplittableRandom> streams = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                float[] question = new float[8];
                question[i % 8] = 1;
                plans.add(new PlanState(shape, question, new boolean[] {true, i % 2 == 0, true}, 8));
                streams.add(random.split());
            }
            Decoder.decode(trained, plans, Decoder.sampling(streams));
            for (PlanState plan : plans) {
                for (DecisionRow row : plan.decisions()) {
                    float[] before = trained.probabilities(List.of(row.features()), List.of(row.kind()), List.of(row.available()))[0];
                    float[] after = joined.probabilities(List.of(widened(row.features())), List.of(row.kind()),
                            List.of(java.util.Arrays.copyOf(row.available(), 4)))[0];
                    assertThat(java.util.Arrays.copyOf(after, before.length)).containsExactly(before);
                }
            }
        }
    }

    @Test
    void theNewcomersSlotsAreTheTrainedWorkersMeanAndItsOptimizerMomentsZero() {
        try (PolicyNetwork trained = PolicyNetwork.initialize(shape, descriptors, 7)) {
            Map<String, float[]> p = trained.parameters();
            Map<String, float[]> joined = JoiningWorker.parameters(shape, p);
            float[] bias = p.get("worker.bias").clone();
            bias[0] = 0.3f;
            bias[1] = -0.6f;
            bias[2] = 0.9f;
            Map<String, float[]> withBias = new java.util.LinkedHashMap<>(p);
            withBias.put("worker.bias", bias);
            assertThat(JoiningWorker.parameters(shape, withBias).get("worker.bias")[3]).isCloseTo(0.2f, org.assertj.core.data.Offset.offset(1e-6f));
            assertThat(joined.get("worker.key")).hasSize(4 * shape.keyDim());
            assertThat(joined.get("trunk1.weight")).hasSize(shape.withOneMoreWorker().featureCount() * shape.hidden());
            assertThat(joined.get("query.weight")).containsExactly(p.get("query.weight"));
            Map<String, float[]> moments = JoiningWorker.moments(shape, p);
            assertThat(moments.get("worker.bias")[3]).isZero();
            assertThat(JoiningWorker.moments(shape, Map.of())).isEmpty();
        }
    }

    /** A choice's input for the wider policy: each of the three per-worker blocks gains a zero for the newcomer. */
    private float[] widened(float[] features) {
        int q = shape.questionDim();
        int w = shape.workers();
        float[] out = new float[features.length + 3];
        System.arraycopy(features, 0, out, 0, q);
        for (int block = 0; block < 3; block++) {
            System.arraycopy(features, q + block * w, out, q + block * (w + 1), w);
        }
        System.arraycopy(features, q + 3 * w, out, q + 3 * (w + 1), features.length - q - 3 * w);
        return out;
    }
}
