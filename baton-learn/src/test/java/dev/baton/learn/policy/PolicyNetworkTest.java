package dev.baton.learn.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Integration tests of the policy on the real DJL PyTorch engine. */
class PolicyNetworkTest {

    private final PolicyShape shape = new PolicyShape(8, 4, 3, 5, 2, 3, 16, 4);
    private final float[][] descriptors = {{0, 0, 0.5f}, {0.5f, 0.5f, 0.8f}, {-1, -1, 0.3f}, {1, 1, 0.9f}};
    private final PolicyNetwork network = PolicyNetwork.initialize(shape, descriptors, 42);

    PolicyNetworkTest() {
        network.startEngine(); // the engine is configured as training configures it before the tests open managers
    }

    @AfterEach
    void close() {
        network.close();
    }

    private List<PlanState> sampledPlans(int count, long seed) {
        List<PlanState> plans = new ArrayList<>();
        List<SplittableRandom> streams = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < count; i++) {
            float[] q = new float[8];
            q[i % 8] = 1;
            plans.add(new PlanState(shape, q, new boolean[] {true, true, i % 2 == 0, true}, 8));
            streams.add(random.split());
        }
        Decoder.decode(network, plans, Decoder.sampling(streams));
        return plans;
    }

    @Test
    void thePointerSeesWhereEachWorkerStandsAmongThoseItMayStillChoose() {
        int d = PolicyShape.WORKER_FEATURES;
        // All four offered: worker 3 (0.9) is the best; worker 2 is the cheapest.
        float[] all = PolicyNetwork.workerFeatures(descriptors, new float[0], new boolean[] {true, true, true, true});
        assertThat(all[3 * d + 3]).isEqualTo(0f);
        assertThat(all[3 * d + 4]).isEqualTo(1f);
        assertThat(all[1 * d + 3]).isCloseTo(-1.0f, within(1e-5f));
        assertThat(all[1 * d + 4]).isEqualTo(0f);
        assertThat(all[2 * d + 3]).isEqualTo(-3f); // 60 points behind, floored
        assertThat(all[2 * d + 5]).isEqualTo(0f);
        assertThat(all[3 * d + 5]).isCloseTo(2f, within(1e-5f));
        // Without worker 3 the best left is worker 1: the same worker, a different standing.
        float[] without = PolicyNetwork.workerFeatures(descriptors, new float[0], new boolean[] {true, true, true, false});
        assertThat(without[1 * d + 3]).isEqualTo(0f);
        assertThat(without[1 * d + 4]).isEqualTo(1f);
        assertThat(without[3 * d + 4]).isEqualTo(0f);
        // A subject's accuracies replace the overall ones: there worker 0 leads.
        float[] subject = PolicyNetwork.workerFeatures(descriptors, new float[] {0.95f, 0.6f, 0.2f, 0.7f},
                new boolean[] {true, true, true, true});
        assertThat(subject[0 * d + 2]).isEqualTo(0.95f);
        assertThat(subject[0 * d + 4]).isEqualTo(1f);
        assertThat(subject[3 * d + 4]).isEqualTo(0f);
    }

    @Test
    void distributionsSumToOneAndNeverPickAnUnofferedWorker() {
        for (PlanState plan : sampledPlans(20, 1)) {
            for (DecisionRow row : plan.decisions()) {
                float[] p = network.probabilities(List.of(row.features()), List.of(row.kind()), List.of(row.available()))[0];
                double sum = 0;
                for (float v : p) {
                    sum += v;
                }
                assertThat(sum).isCloseTo(1.0, within(1e-4));
                if (row.kind() == DecisionKind.WORKER) {
                    for (int w = 0; w < p.length; w++) {
                        if (!row.available()[w]) {
                            assertThat(p[w]).isZero();
                        }
                    }
                    assertThat(row.available()[row.action()]).isTrue();
                }
            }
        }
    }

    @Test
    void thePlainJavaPassAgreesWithTheEngineOnEveryOptionOfEveryChoice() {
        // Larger random weights than at initialisation, and per-question accuracies: nothing is near-uniform by luck.
        SplittableRandom random = new SplittableRandom(5);
        network.parameters().values().forEach(values -> {
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) random.nextGaussian();
            }
        });
        network.load();
        List<DecisionRow> sampled = sampledPlans(12, 4).stream().flatMap(p -> p.decisions().stream()).toList();
        List<DecisionRow> everyOption = new ArrayList<>();
        List<Float> javaLogProbs = new ArrayList<>();
        for (DecisionRow row : sampled) {
            float[] accuracy = {0.2f, 0.9f, 0.4f, 0.7f};
            float[] p = network.probabilities(List.of(row.features()), List.of(row.kind()), List.of(row.available()),
                    List.of(accuracy))[0];
            assertThat((double) sum(p)).isCloseTo(1.0, within(1e-5));
            for (int action = 0; action < p.length; action++) {
                if (p[action] > 1e-6f) {
                    everyOption.add(new DecisionRow(row.features(), row.kind(), action, row.available(), 0, accuracy));
                    javaLogProbs.add((float) Math.log(p[action]));
                }
            }
        }
        assertThat(everyOption).hasSizeGreaterThan(sampled.size());
        try (EngineScope scope = EngineScope.open()) {
            float[] engine = network.logProbabilities(scope, everyOption).toFloatArray();
            for (int i = 0; i < engine.length; i++) {
                assertThat(engine[i]).as("option %d", i).isCloseTo(javaLogProbs.get(i), within(2e-4f));
            }
        }
    }

    private static float sum(float[] values) {
        float total = 0;
        for (float v : values) {
            total += v;
        }
        return total;
    }

    @Test
    void trainingScoresMatchTheProbabilitiesUsedForSampling() {
        List<DecisionRow> rows = sampledPlans(10, 2).stream().flatMap(p -> p.decisions().stream()).toList();
        try (EngineScope scope = EngineScope.open()) {
            float[] logProbs = network.logProbabilities(scope, rows).toFloatArray();
            for (int i = 0; i < rows.size(); i++) {
                assertThat(logProbs[i]).isCloseTo(rows.get(i).logProb(), within(1e-4f));
            }
        }
    }

    @Test
    void aGradientStepMakesTheChosenActionsMoreLikely() {
        List<DecisionRow> rows = sampledPlans(10, 3).stream().flatMap(p -> p.decisions().stream()).toList();
        Adam adam = new Adam(0.01, 10);
        double before = total(rows);
        for (int step = 0; step < 5; step++) {
            adam.step(network.parameters(), network.gradients(rows, (scope, logProb) -> logProb.mean().neg()));
            network.load();
        }
        assertThat(total(rows)).isGreaterThan(before + 0.1);
    }

    @Test
    void gradientStepsLeaveNoEngineArraysBehindInThisNetworkOrAnyOtherOpenOne() {
        List<DecisionRow> rows = sampledPlans(10, 4).stream().flatMap(p -> p.decisions().stream()).toList();
        Adam adam = new Adam(0.01, 10);
        int parameters = network.parameters().size();
        try (PolicyNetwork other = PolicyNetwork.initialize(shape, descriptors, 7)) { // a conductor being evaluated, say
            for (int step = 0; step < 3; step++) {
                adam.step(network.parameters(), network.gradients(rows, (scope, logProb) -> logProb.mean().neg()));
                network.load();
            }
            // A training run makes hundreds of steps: what one leaves in a network's manager stays until that closes.
            assertThat(network.engineArrays()).isEqualTo(parameters);
            assertThat(other.engineArrays()).isEqualTo(parameters);
        }
    }

    @Test
    void aNetworkMadeAfterAnotherClosedReusesItsEngineMemory() {
        List<DecisionRow> rows = sampledPlans(10, 6).stream().flatMap(p -> p.decisions().stream()).toList();
        try (PolicyNetwork first = PolicyNetwork.initialize(shape, descriptors, 1)) {
            first.gradients(rows, (scope, logProb) -> logProb.mean().neg());
        }
        long before = directBytes();
        try (PolicyNetwork second = PolicyNetwork.initialize(shape, descriptors, 2)) {
            second.gradients(rows, (scope, logProb) -> logProb.mean().neg());
            // A study trains a dozen networks in turn: memory each left to the collector would add up.
            assertThat(directBytes()).isLessThanOrEqualTo(before);
        }
    }

    @Test
    void eachGradientIsOfItsOwnPassNotAddedToTheLast() {
        List<DecisionRow> rows = sampledPlans(10, 5).stream().flatMap(p -> p.decisions().stream()).toList();
        Map<String, float[]> first = network.gradients(rows, (scope, logProb) -> logProb.mean().neg());
        Map<String, float[]> second = network.gradients(rows, (scope, logProb) -> logProb.mean().neg());
        assertThat(first.get("trunk1.weight")).isNotEqualTo(new float[first.get("trunk1.weight").length]);
        first.forEach((name, gradient) -> assertThat(second.get(name)).as(name).containsExactly(gradient, within(1e-6f)));
    }

    @Test
    void whatThePlainJavaPassCachesPerQuestionIsForgottenWhenTheParametersChange() {
        List<DecisionRow> rows = sampledPlans(3, 9).stream().flatMap(p -> p.decisions().stream()).toList();
        List<float[]> features = rows.stream().map(DecisionRow::features).toList();
        List<DecisionKind> kinds = rows.stream().map(DecisionRow::kind).toList();
        List<boolean[]> available = rows.stream().map(DecisionRow::available).toList();
        float[][] before = network.probabilities(features, kinds, available); // caches each question's first-layer sums

        network.parameters().get("trunk1.weight")[0] += 1.5f; // an input weight of the question's first dimension
        network.load();
        float[][] after = network.probabilities(features, kinds, available);
        try (PolicyNetwork fresh = PolicyNetwork.restore(shape, descriptors, network.parameters())) {
            float[][] uncached = fresh.probabilities(features, kinds, available);
            for (int i = 0; i < rows.size(); i++) {
                assertThat(after[i]).containsExactly(uncached[i]);
            }
        }
        boolean changed = false;
        for (int i = 0; i < rows.size(); i++) {
            changed |= !java.util.Arrays.equals(before[i], after[i]);
        }
        assertThat(changed).isTrue();
    }

        @Test
    void sameSeedSameWeightsAndSameSamples() {
        try (PolicyNetwork twin = PolicyNetwork.initialize(shape, descriptors, 42)) {
            assertThat(twin.parameters().get("trunk1.weight")).containsExactly(network.parameters().get("trunk1.weight"));
        }
        List<PlanState> a = sampledPlans(5, 9);
        List<PlanState> b = sampledPlans(5, 9);
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i).round(0)).isEqualTo(b.get(i).round(0));
        }
    }

    private double total(List<DecisionRow> rows) {
        try (EngineScope scope = EngineScope.open()) {
            return network.logProbabilities(scope, rows).sum().getFloat();
        }
    }

    private static long directBytes() {
        return java.lang.management.ManagementFactory.getPlatformMXBeans(java.lang.management.BufferPoolMXBean.class).stream()
                .filter(pool -> pool.getName().equals("direct"))
                .mapToLong(java.lang.management.BufferPoolMXBean::getMemoryUsed)
                .sum();
    }
}
