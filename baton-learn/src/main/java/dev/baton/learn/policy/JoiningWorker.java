package dev.baton.learn.policy;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameters a trained policy gains when one more worker joins its pointer without training: the worker's own
 * slots — its rows in the first layer's "available", "used so far" and "chosen for this step" blocks, its learned key
 * and its pointer bias — are the mean of the trained workers' slots. What training learned about one particular
 * worker does not carry to another, so the newcomer starts as the typical worker and is told apart only by what the
 * policy reads of every worker: its measured features (accuracy overall and per subject, prices, where it stands
 * among the workers a step may use). Every other parameter is kept as it was, so the trained workers are scored
 * exactly as before, whenever the newcomer is not offered.
 */
public final class JoiningWorker {

    private JoiningWorker() {
    }

    /**
     * Returns the parameters of a policy of {@code shape} widened by one worker, appended last in pointer order.
     *
     * @param shape      the trained policy's sizes
     * @param parameters its parameters by name (left unchanged)
     * @throws IllegalArgumentException when the parameters do not have the sizes {@code shape} gives
     */
    public static Map<String, float[]> parameters(PolicyShape shape, Map<String, float[]> parameters) {
        return widened(shape, parameters, true);
    }

    /**
     * Returns the optimizer moments of the widened policy: zero in the new slots (nothing was learned there yet), the
     * old ones elsewhere, so training may go on from the calibrated checkpoint. Empty stays empty (no step taken yet).
     */
    public static Map<String, float[]> moments(PolicyShape shape, Map<String, float[]> moments) {
        return moments.isEmpty() ? Map.of() : widened(shape, moments, false);
    }

    private static Map<String, float[]> widened(PolicyShape shape, Map<String, float[]> arrays, boolean mean) {
        Map<String, Integer> sizes = PolicyNetwork.parameterSizes(shape);
        sizes.forEach((name, size) -> {
            float[] values = arrays.get(name);
            if (values == null || values.length != size) {
                throw new IllegalArgumentException("parameter " + name + " is missing or has the wrong size for " + shape);
            }
        });
        Map<String, float[]> widened = new LinkedHashMap<>();
        arrays.forEach((name, values) -> widened.put(name, switch (name) {
            case "trunk1.weight" -> withWorkerRows(shape, values, mean);
            case "worker.key" -> withLastRow(values, shape.workers(), shape.keyDim(), mean);
            case "worker.bias" -> withLastRow(values, shape.workers(), 1, mean);
            default -> values.clone();
        }));
        return widened;
    }

    /**
     * The first layer reads, after the question, three blocks of one input per worker (available, used so far, chosen
     * for this step); each block gains a last row: the mean of its rows, or zeros.
     */
    private static float[] withWorkerRows(PolicyShape shape, float[] weight, boolean mean) {
        int h = shape.hidden();
        int q = shape.questionDim();
        int w = shape.workers();
        int rows = weight.length / h;
        float[] out = new float[(rows + 3) * h];
        int from = 0;
        int to = 0;
        System.arraycopy(weight, 0, out, 0, q * h);
        from += q * h;
        to += q * h;
        for (int block = 0; block < 3; block++) {
            System.arraycopy(weight, from, out, to, w * h);
            if (mean) {
                System.arraycopy(meanRow(weight, from / h, w, h), 0, out, to + w * h, h);
            }
            from += w * h;
            to += (w + 1) * h;
        }
        System.arraycopy(weight, from, out, to, weight.length - from);
        return out;
    }

    /** Appends one row: the mean of the others, or zeros. */
    private static float[] withLastRow(float[] values, int rows, int width, boolean mean) {
        float[] out = java.util.Arrays.copyOf(values, (rows + 1) * width);
        if (mean) {
            System.arraycopy(meanRow(values, 0, rows, width), 0, out, rows * width, width);
        }
        return out;
    }

    private static float[] meanRow(float[] values, int firstRow, int rows, int width) {
        float[] mean = new float[width];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < width; c++) {
                mean[c] += values[(firstRow + r) * width + c] / rows;
            }
        }
        return mean;
    }
}
