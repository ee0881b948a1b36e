package dev.baton.learn.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Runs the policy over a batch of plans, one choice at a time for all of them together (one network call
 * per stage rather than per plan), until every plan's current round is complete.
 */
public final class Decoder {

    /** Picks an option from a choice's probabilities. */
    @FunctionalInterface
    public interface Chooser {
        int choose(int plan, float[] probabilities);
    }

    private Decoder() {
    }

    /** Picks the most probable option: the deterministic choice used to answer. */
    public static Chooser greedy() {
        return (plan, probabilities) -> {
            int best = 0;
            for (int i = 1; i < probabilities.length; i++) {
                if (probabilities[i] > probabilities[best]) {
                    best = i;
                }
            }
            return best;
        };
    }

    /** Samples at temperature 1, each plan from its own random stream so results do not depend on batching. */
    public static Chooser sampling(List<SplittableRandom> streams) {
        return (plan, probabilities) -> {
            double u = streams.get(plan).nextDouble();
            double cumulative = 0;
            int last = 0;
            for (int i = 0; i < probabilities.length; i++) {
                if (probabilities[i] > 0) {
                    cumulative += probabilities[i];
                    last = i;
                    if (u < cumulative) {
                        return i;
                    }
                }
            }
            return last;
        };
    }

    /** Completes the current round of every plan. */
    public static void decode(PolicyNetwork network, List<PlanState> plans, Chooser chooser) {
        while (true) {
            List<Integer> active = new ArrayList<>();
            List<float[]> features = new ArrayList<>();
            List<DecisionKind> kinds = new ArrayList<>();
            List<boolean[]> available = new ArrayList<>();
            List<float[]> accuracy = new ArrayList<>();
            for (int i = 0; i < plans.size(); i++) {
                PlanState plan = plans.get(i);
                plan.next().ifPresent(kind -> {
                    kinds.add(kind);
                    features.add(plan.features());
                    available.add(plan.choosable());
                    accuracy.add(plan.accuracy());
                });
                if (plan.next().isPresent()) {
                    active.add(i);
                }
            }
            if (active.isEmpty()) {
                return;
            }
            float[][] probabilities = network.probabilities(features, kinds, available, accuracy);
            for (int k = 0; k < active.size(); k++) {
                int plan = active.get(k);
                int action = chooser.choose(plan, probabilities[k]);
                float logProb = (float) Math.log(Math.max(probabilities[k][action], 1e-30f));
                plans.get(plan).apply(kinds.get(k), action, features.get(k), logProb);
            }
        }
    }
}
