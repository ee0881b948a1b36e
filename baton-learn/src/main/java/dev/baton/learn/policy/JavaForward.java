package dev.baton.learn.policy;

import java.util.List;
import java.util.Map;

/**
 * The policy's forward pass in plain Java, on the network's master parameter arrays: what answering needs, without the
 * engine. A greedy plan makes one network call per choice, a handful per question, each on a batch of one; through
 * DJL every call pays native-call and tensor set-up costs of about a third of a millisecond, which made the learned
 * conductor 25 times slower to serve than a baseline. Here one call on a batch of one costs a few microseconds.
 *
 * <p>It computes exactly what {@code PolicyNetwork.heads} computes on the engine, in single precision with the same
 * operations in the same order per output, so it agrees with the engine to float rounding ({@code PolicyNetworkTest}
 * holds the two together). Gradients stay with the engine: training's update step never comes here.
 */
final class JavaForward {

    private static final float MASKED = -1e9f;

    /** Questions whose first-layer sums are kept; past this many the cache starts over (a batch holds far fewer). */
    static final int QUESTIONS_CACHED = 4096;

    private final PolicyShape shape;
    private final float[][] descriptors;
    private final Map<String, float[]> parameters;
    /**
     * The first layer's sums over the question's embedding, by question. The embedding fills most of a choice's input
     * and is the same for every choice made on one question (each step's worker, role, access and stop, across all the
     * rollouts of a training group), so it is multiplied once per question instead of once per choice; the sums over
     * the rest of the input, which is mostly zeros, follow in the same order, so the result is unchanged to the bit.
     */
    private final java.util.concurrent.ConcurrentHashMap<QuestionKey, float[]> questionSums = new java.util.concurrent.ConcurrentHashMap<>();

    JavaForward(PolicyShape shape, float[][] descriptors, Map<String, float[]> parameters) {
        this.shape = shape;
        this.descriptors = descriptors;
        this.parameters = parameters;
    }

    /** As {@link PolicyNetwork#probabilities(List, List, List, List)}: per choice, the probability of each option. */
    float[][] probabilities(List<float[]> features, List<DecisionKind> kinds, List<boolean[]> available, List<float[]> accuracy) {
        float[][] out = new float[features.size()][];
        int h = shape.hidden();
        float[] w1 = parameters.get("trunk1.weight");
        float[] b1 = parameters.get("trunk1.bias");
        float[] w2 = parameters.get("trunk2.weight");
        float[] b2 = parameters.get("trunk2.bias");
        for (int i = 0; i < out.length; i++) {
            float[] hidden = tanh(firstLayer(features.get(i), w1, b1, h));
            hidden = tanh(affine(hidden, w2, b2, h));
            DecisionKind kind = kinds.get(i);
            if (kind.binary()) {
                float[] binary = affine(hidden, parameters.get("binary.weight"), parameters.get("binary.bias"), DecisionKind.BINARY_KINDS);
                float yes = (float) (1 / (1 + Math.exp(-binary[kind.binaryIndex()])));
                out[i] = new float[] {1 - yes, yes};
            } else if (kind == DecisionKind.ROLE) {
                out[i] = softmax(affine(hidden, parameters.get("role.weight"), parameters.get("role.bias"), shape.roles()));
            } else {
                out[i] = softmax(workerLogits(hidden, available.get(i), accuracy.get(i)));
            }
        }
        return out;
    }

    /** The pointer: each available worker's key (learned vector plus projected features) against the choice's query. */
    private float[] workerLogits(float[] hidden, boolean[] available, float[] accuracy) {
        int w = shape.workers();
        int k = shape.keyDim();
        int d = PolicyShape.WORKER_FEATURES;
        float[] query = affine(hidden, parameters.get("query.weight"), null, k);
        float[] perWorker = PolicyNetwork.workerFeatures(descriptors, accuracy, available);
        float[] projection = parameters.get("descriptor.weight");
        float[] key = parameters.get("worker.key");
        float[] prior = parameters.get("worker.prior");
        float[] bias = parameters.get("worker.bias");
        float[] logits = new float[w];
        for (int j = 0; j < w; j++) {
            float score = 0;
            float priorTerm = 0;
            for (int c = 0; c < k; c++) {
                float keyValue = 0;
                for (int f = 0; f < d; f++) {
                    keyValue += perWorker[j * d + f] * projection[f * k + c];
                }
                score += query[c] * (keyValue + key[j * k + c]);
            }
            for (int f = 0; f < d; f++) {
                priorTerm += perWorker[j * d + f] * prior[f];
            }
            logits[j] = score + priorTerm + bias[j] + (available[j] ? 0 : MASKED);
        }
        return logits;
    }

    /** Forgets the cached first-layer sums: call whenever the parameters changed. */
    void parametersChanged() {
        questionSums.clear();
    }

    /** {@code x · w1 + b1}, with the sums over the question's embedding (the first {@code questionDim} inputs) cached. */
    private float[] firstLayer(float[] x, float[] weight, float[] bias, int outputs) {
        int q = shape.questionDim();
        QuestionKey key = new QuestionKey(java.util.Arrays.copyOf(x, q));
        float[] partial = questionSums.get(key);
        if (partial == null) {
            partial = new float[outputs];
            accumulate(x, 0, q, weight, partial);
            if (questionSums.size() >= QUESTIONS_CACHED) {
                questionSums.clear();
            }
            questionSums.put(key, partial);
        }
        float[] y = partial.clone();
        accumulate(x, q, x.length, weight, y);
        for (int j = 0; j < outputs; j++) {
            y[j] += bias[j];
        }
        return y;
    }

    /** A question's embedding as a map key: compared by content. */
    private record QuestionKey(float[] values, int hash) {
        QuestionKey(float[] values) {
            this(values, java.util.Arrays.hashCode(values));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof QuestionKey key && key.hash == hash && java.util.Arrays.equals(key.values, values);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** Adds {@code x[from..to) · weight[from..to)} to {@code y}, input by input in order. */
    private static void accumulate(float[] x, int from, int to, float[] weight, float[] y) {
        int outputs = y.length;
        for (int i = from; i < to; i++) {
            float xi = x[i];
            if (xi == 0) {
                continue; // most features are one-hot: skipping zero rows changes nothing but the time
            }
            int row = i * outputs;
            for (int j = 0; j < outputs; j++) {
                y[j] += xi * weight[row + j];
            }
        }
    }

    /** {@code x · weight + bias} for a row-major {@code [x.length, outputs]} weight; no bias when it is null. */
    private static float[] affine(float[] x, float[] weight, float[] bias, int outputs) {
        float[] y = new float[outputs];
        accumulate(x, 0, x.length, weight, y);
        if (bias != null) {
            for (int j = 0; j < outputs; j++) {
                y[j] += bias[j];
            }
        }
        return y;
    }

    private static float[] tanh(float[] x) {
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.tanh(x[i]);
        }
        return x;
    }

    /** Softmax through the log-sum-exp, as the engine's logSoftmax then exp. */
    private static float[] softmax(float[] logits) {
        float max = Float.NEGATIVE_INFINITY;
        for (float v : logits) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (float v : logits) {
            sum += Math.exp(v - max);
        }
        float logSum = (float) Math.log(sum);
        float[] p = new float[logits.length];
        for (int i = 0; i < logits.length; i++) {
            p[i] = (float) Math.exp(logits[i] - max - logSum);
        }
        return p;
    }
}
