package dev.baton.learn.policy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.BiFunction;

/**
 * The conductor's policy: a small network on DJL's PyTorch engine that scores every choice of a workflow.
 *
 * <p>A shared trunk (two tanh layers) reads a choice's features. Three heads read the trunk: one logit per
 * yes/no choice (stop, continue, access), role logits, and a pointer over workers that compares a query
 * against each worker's key: a learned vector per worker plus a projection of its descriptors (prices), so
 * any subset of the pool is just a mask. About 38 thousand parameters for 28 workers and 6 roles.
 *
 * <p>The master copy of every parameter is a Java array (so checkpoints and the optimizer state are plain
 * data); the engine holds a mirror that {@link #load} refreshes after each update. Acting ({@link #probabilities})
 * runs in plain Java and never starts the engine: the mirror is made on the first gradient pass, so a program that
 * only answers with a trained policy runs without PyTorch's native library on its class path (baton-learn declares
 * the PyTorch engine optional; whatever trains adds it).
 */
public final class PolicyNetwork implements AutoCloseable {

    private static final float MASKED = -1e9f;

    private final PolicyShape shape;
    private final float[][] descriptors;
    private final Map<String, float[]> values;
    private final Map<String, Shape> shapes = new LinkedHashMap<>();
    /** The engine's mirror of the parameters, made on the first gradient pass (acting never needs it); null until then. */
    private EngineScope mirrorScope;
    private final Map<String, NDArray> mirror = new LinkedHashMap<>();
    private final JavaForward forward;

    private PolicyNetwork(PolicyShape shape, float[][] descriptors, Map<String, float[]> values) {
        this.shape = shape;
        this.descriptors = descriptors;
        shapes.putAll(layout(shape));
        for (Map.Entry<String, Shape> entry : shapes.entrySet()) {
            float[] value = values.get(entry.getKey());
            if (value == null || value.length != entry.getValue().size()) {
                throw new IllegalArgumentException("parameter " + entry.getKey() + " is missing or has the wrong size");
            }
        }
        this.values = values;
        this.forward = new JavaForward(shape, descriptors, values);
        if (descriptors.length != shape.workers()) {
            throw new IllegalArgumentException("one descriptor per worker is needed");
        }
        for (float[] descriptor : descriptors) {
            if (descriptor.length != PolicyShape.DESCRIPTOR_FEATURES) {
                throw new IllegalArgumentException("a worker descriptor holds " + PolicyShape.DESCRIPTOR_FEATURES + " numbers");
            }
        }
    }

    /**
     * Starts the engine and mirrors the parameters into it, once; learning calls it before opening its first gradient
     * collector, acting never does. The gradient methods call it themselves.
     */
    public synchronized void startEngine() {
        if (mirrorScope != null) {
            return;
        }
        Engines.configure();
        mirrorScope = mirror();
    }

    /**
     * Creates a network with fresh weights drawn from {@code seed} (scaled normal, zero biases).
     *
     * @param descriptors per worker of the training pool, {@link PolicyShape#DESCRIPTOR_FEATURES} numbers
     */
    public static PolicyNetwork initialize(PolicyShape shape, float[][] descriptors, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, float[]> values = new LinkedHashMap<>();
        Map<String, Shape> layout = layout(shape);
        for (Map.Entry<String, Shape> entry : layout.entrySet()) {
            Shape s = entry.getValue();
            float[] value = new float[(int) s.size()];
            // The prior over worker features starts at zero: which features matter is for training to find.
            if (!entry.getKey().endsWith("bias") && !entry.getKey().equals("worker.prior")) {
                double scale = entry.getKey().equals("worker.key") ? 0.1 : 1.0 / Math.sqrt(s.get(0));
                for (int i = 0; i < value.length; i++) {
                    value[i] = (float) (random.nextGaussian() * scale);
                }
            }
            values.put(entry.getKey(), value);
        }
        return new PolicyNetwork(shape, descriptors, values);
    }

    /** Creates a network from saved parameters (as returned by {@link #parameters()}). */
    public static PolicyNetwork restore(PolicyShape shape, float[][] descriptors, Map<String, float[]> parameters) {
        Map<String, float[]> copy = new LinkedHashMap<>();
        parameters.forEach((name, value) -> copy.put(name, value.clone()));
        return new PolicyNetwork(shape, descriptors, copy);
    }

    /** Returns how many numbers each parameter of a network of this shape holds, by name, in the network's order. */
    public static Map<String, Integer> parameterSizes(PolicyShape shape) {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        layout(shape).forEach((name, s) -> sizes.put(name, Math.toIntExact(s.size())));
        return sizes;
    }

    private static Map<String, Shape> layout(PolicyShape shape) {
        Map<String, Shape> layout = new LinkedHashMap<>();
        int f = shape.featureCount();
        int h = shape.hidden();
        layout.put("trunk1.weight", new Shape(f, h));
        layout.put("trunk1.bias", new Shape(h));
        layout.put("trunk2.weight", new Shape(h, h));
        layout.put("trunk2.bias", new Shape(h));
        layout.put("binary.weight", new Shape(h, DecisionKind.BINARY_KINDS));
        layout.put("binary.bias", new Shape(DecisionKind.BINARY_KINDS));
        layout.put("role.weight", new Shape(h, shape.roles()));
        layout.put("role.bias", new Shape(shape.roles()));
        layout.put("query.weight", new Shape(h, shape.keyDim()));
        layout.put("worker.key", new Shape(shape.workers(), shape.keyDim()));
        layout.put("descriptor.weight", new Shape(PolicyShape.WORKER_FEATURES, shape.keyDim()));
        layout.put("worker.prior", new Shape(PolicyShape.WORKER_FEATURES, 1));
        layout.put("worker.bias", new Shape(shape.workers()));
        return layout;
    }

    public PolicyShape shape() {
        return shape;
    }

    public float[][] descriptors() {
        return descriptors;
    }

    /**
     * Returns the parameters by name (live arrays: the optimizer updates them, then calls {@link #load}, which also
     * tells the plain-Java pass to forget what it cached).
     */
    public Map<String, float[]> parameters() {
        return values;
    }

    /** Copies the Java parameter arrays into the engine after they changed. */
    public void load() {
        // Fresh tensors rather than NDArray.set: DJL's set (JNI torchSet) runs under PyTorch's deprecated
        // AutoNonVariableTypeMode guard, whose warning native code prints straight to the process's stderr.
        forward.parametersChanged();
        if (mirrorScope == null) {
            return; // no engine yet: the mirror is made from the current arrays when first needed
        }
        mirrorScope.close(); // first, so the new mirror reuses its storage
        mirrorScope = mirror();
    }

    /** Fills {@link #mirror} with tensors of a new scope holding the parameters, with gradients recorded. */
    private EngineScope mirror() {
        EngineScope scope = new EngineScope(DirectBuffers.SHARED);
        for (Map.Entry<String, Shape> entry : shapes.entrySet()) {
            NDArray array = scope.create(values.get(entry.getKey()), entry.getValue());
            array.setRequiresGradient(true);
            mirror.put(entry.getKey(), array);
        }
        return scope;
    }

    /**
     * Returns, for each choice, the probability of each of its options: two for a yes/no choice (no, yes),
     * one per role, one per worker of the pool (zero for unavailable workers).
     */
    public float[][] probabilities(List<float[]> features, List<DecisionKind> kinds, List<boolean[]> available) {
        return probabilities(features, kinds, available, java.util.Collections.nCopies(features.size(), new float[0]));
    }

    /**
     * As {@link #probabilities(List, List, List)}, with each choice's worker accuracies on questions like its own (empty
     * for the overall ones).
     */
    public float[][] probabilities(List<float[]> features, List<DecisionKind> kinds, List<boolean[]> available,
                                   List<float[]> accuracy) {
        // Acting (answering and sampling rollouts) needs no gradients: the plain-Java pass over the master arrays is
        // much faster than the engine on the small batches a plan makes. Learning goes through the engine below.
        return forward.probabilities(features, kinds, available, accuracy);
    }

    /**
     * Returns the log-probability of each recorded choice under the current parameters, as an engine array
     * that carries gradients (call inside a gradient collector). The arrays are created in {@code scope}.
     */
    public NDArray logProbabilities(EngineScope scope, List<DecisionRow> rows) {
        startEngine();
        int n = rows.size();
        Heads heads = heads(scope, rows.stream().map(DecisionRow::features).toList(),
                rows.stream().map(DecisionRow::available).toList(), rows.stream().map(DecisionRow::accuracy).toList());
        int b = DecisionKind.BINARY_KINDS;
        float[] binarySelect = new float[n * b];
        float[] sign = new float[n];
        float[] isBinary = new float[n];
        float[] roleSelect = new float[n * shape.roles()];
        float[] workerSelect = new float[n * shape.workers()];
        for (int i = 0; i < n; i++) {
            DecisionRow row = rows.get(i);
            if (row.kind().binary()) {
                binarySelect[i * b + row.kind().binaryIndex()] = 1;
                sign[i] = row.action() == 1 ? 1 : -1;
                isBinary[i] = 1;
            } else if (row.kind() == DecisionKind.ROLE) {
                roleSelect[i * shape.roles() + row.action()] = 1;
            } else {
                workerSelect[i * shape.workers() + row.action()] = 1;
            }
        }
        NDArray logit = scope.create(binarySelect, new Shape(n, b)).mul(heads.binary).sum(new int[] {1});
        // log sigmoid(s * z) = -softplus(-s * z); rows that are not binary are masked out below.
        NDArray binaryLogProb = Activation.softPlus(scope.create(sign).mul(logit).neg()).neg()
                .mul(scope.create(isBinary));
        NDArray roleLogProb = scope.create(roleSelect, new Shape(n, shape.roles())).mul(heads.roleLogProbs).sum(new int[] {1});
        NDArray workerLogProb = scope.create(workerSelect, new Shape(n, shape.workers())).mul(heads.workerLogProbs).sum(new int[] {1});
        return binaryLogProb.add(roleLogProb).add(workerLogProb);
    }

    /** The three heads for a batch of choices. */
    private record Heads(NDArray binary, NDArray roleLogProbs, NDArray workerLogProbs) {
    }

    private Heads heads(EngineScope scope, List<float[]> features, List<boolean[]> available, List<float[]> accuracy) {
        int n = features.size();
        int f = shape.featureCount();
        int w = shape.workers();
        float[] x = new float[n * f];
        float[] mask = new float[n * w];
        for (int i = 0; i < n; i++) {
            System.arraycopy(features.get(i), 0, x, i * f, f);
            boolean[] a = available.get(i);
            for (int j = 0; j < w; j++) {
                mask[i * w + j] = a[j] ? 0 : MASKED;
            }
        }
        // Every operation starts from an array owned by the scope so results are freed with it.
        NDArray input = scope.create(x, new Shape(n, f));
        NDArray hidden = input.matMul(p("trunk1.weight")).add(p("trunk1.bias")).tanh();
        hidden = hidden.matMul(p("trunk2.weight")).add(p("trunk2.bias")).tanh();
        NDArray binary = hidden.matMul(p("binary.weight")).add(p("binary.bias"));
        NDArray roles = hidden.matMul(p("role.weight")).add(p("role.bias")).logSoftmax(1);
        int d = PolicyShape.WORKER_FEATURES;
        float[] workerFeatures = new float[n * w * d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(workerFeatures(descriptors, accuracy.get(i), available.get(i)), 0, workerFeatures, i * w * d, w * d);
        }
        NDArray perWorker = scope.create(workerFeatures, new Shape(n, w, d));
        // Each choice compares its query with keys built from the workers' features as that choice sees them.
        NDArray keys = perWorker.matMul(p("descriptor.weight")).add(p("worker.key"));
        NDArray query = hidden.matMul(p("query.weight")).expandDims(1);
        NDArray workerLogits = query.mul(keys).sum(new int[] {2})
                .add(perWorker.matMul(p("worker.prior")).squeeze(2))
                .add(p("worker.bias"))
                .add(scope.create(mask, new Shape(n, w)));
        return new Heads(binary, roles, workerLogits.logSoftmax(1));
    }

    /**
     * Returns the pointer's features of every worker for one choice, {@link PolicyShape#WORKER_FEATURES} per worker:
     * its descriptor (with the accuracy on questions like this one, when given, in place of the overall one), then,
     * among the workers the choice may use, how far that accuracy trails the best one's (times 10, floored at -3),
     * whether it is that best one, and how far its log price lies above the cheapest.
     */
    static float[] workerFeatures(float[][] descriptors, float[] accuracy, boolean[] choosable) {
        int w = descriptors.length;
        int d = PolicyShape.WORKER_FEATURES;
        if (accuracy.length == w) {
            float[][] own = new float[w][];
            for (int j = 0; j < w; j++) {
                own[j] = descriptors[j].clone();
                own[j][2] = accuracy[j];
            }
            descriptors = own;
        }
        float bestAccuracy = Float.NEGATIVE_INFINITY;
        float cheapest = Float.POSITIVE_INFINITY;
        for (int j = 0; j < w; j++) {
            if (choosable[j]) {
                bestAccuracy = Math.max(bestAccuracy, descriptors[j][2]);
                cheapest = Math.min(cheapest, price(descriptors[j]));
            }
        }
        float[] out = new float[w * d];
        for (int j = 0; j < w; j++) {
            System.arraycopy(descriptors[j], 0, out, j * d, PolicyShape.DESCRIPTOR_FEATURES);
            if (choosable[j]) {
                int at = j * d + PolicyShape.DESCRIPTOR_FEATURES;
                out[at] = Math.max(-3f, 10f * (descriptors[j][2] - bestAccuracy));
                out[at + 1] = descriptors[j][2] >= bestAccuracy ? 1 : 0;
                out[at + 2] = price(descriptors[j]) - cheapest;
            }
        }
        return out;
    }

    private static float price(float[] descriptor) {
        return (descriptor[0] + descriptor[1]) / 2;
    }

    private NDArray p(String name) {
        return mirror.get(name);
    }

    /**
     * Returns the gradient of a loss over the log-probabilities of {@code rows} with respect to each parameter, by
     * name, as Java arrays. Every engine array the pass makes is freed before it returns.
     *
     * @param loss makes the number to minimise from the rows' log-probabilities ({@link #logProbabilities}); arrays
     *             of its own go in the scope it is given
     */
    public Map<String, float[]> gradients(List<DecisionRow> rows, BiFunction<EngineScope, NDArray, NDArray> loss) {
        startEngine();
        try (EngineScope scope = new EngineScope(DirectBuffers.SHARED); GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            // Not collector.zeroGradients(): DJL's walks every array of the process and leaves two new ones in the
            // manager of each that records gradients, those of every open network included, for as long as it is open.
            mirror.values().forEach(parameter -> {
                try (NDArray gradient = parameter.getGradient()) {
                    gradient.subi(gradient); // the engine adds each backward pass to the gradient already there
                }
            });
            collector.backward(loss.apply(scope, logProbabilities(scope, rows)));
            Map<String, float[]> out = new LinkedHashMap<>();
            // Each gradient is a new engine array in the parameters' manager: closed here, or it would stay until that is.
            mirror.forEach((name, parameter) -> {
                try (NDArray gradient = parameter.getGradient()) {
                    out.put(name, gradient.toFloatArray());
                }
            });
            return out;
        }
    }

    /** Returns how many engine arrays the network's own manager holds (its parameters, unless something leaks). */
    int engineArrays() {
        startEngine();
        return ((ai.djl.ndarray.BaseNDManager) mirrorScope.manager()).getManagedArrays().size();
    }

    /** Returns a deep copy sharing nothing with this network. */
    public PolicyNetwork copy() {
        return restore(shape, descriptors, values);
    }

    @Override
    public synchronized void close() {
        if (mirrorScope != null) {
            mirrorScope.close();
        }
    }
}
