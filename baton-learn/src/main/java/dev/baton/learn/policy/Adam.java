package dev.baton.learn.policy;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adam with global-norm gradient clipping, over the policy's Java parameter arrays.
 *
 * <p>DJL has an Adam optimizer, but its moment estimates live inside the engine where a checkpoint cannot
 * reach them; keeping them here as plain arrays makes a resumed run continue exactly where it stopped.
 */
public final class Adam {

    private final double learningRate;
    private final double maxGradientNorm;
    private final Map<String, float[]> firstMoment = new LinkedHashMap<>();
    private final Map<String, float[]> secondMoment = new LinkedHashMap<>();
    private long steps;

    public Adam(double learningRate, double maxGradientNorm) {
        if (!(learningRate > 0) || !(maxGradientNorm > 0)) {
            throw new IllegalArgumentException("learning rate and gradient norm bound must be positive");
        }
        this.learningRate = learningRate;
        this.maxGradientNorm = maxGradientNorm;
    }

    /** Applies one update to {@code parameters} in place. */
    public void step(Map<String, float[]> parameters, Map<String, float[]> gradients) {
        double norm = 0;
        for (float[] g : gradients.values()) {
            for (float v : g) {
                norm += v * v;
            }
        }
        norm = Math.sqrt(norm);
        double scale = norm > maxGradientNorm ? maxGradientNorm / norm : 1.0;
        steps++;
        double beta1 = 0.9;
        double beta2 = 0.999;
        double correction1 = 1 - Math.pow(beta1, steps);
        double correction2 = 1 - Math.pow(beta2, steps);
        for (Map.Entry<String, float[]> entry : parameters.entrySet()) {
            float[] p = entry.getValue();
            float[] g = gradients.get(entry.getKey());
            float[] m = firstMoment.computeIfAbsent(entry.getKey(), k -> new float[p.length]);
            float[] v = secondMoment.computeIfAbsent(entry.getKey(), k -> new float[p.length]);
            for (int i = 0; i < p.length; i++) {
                double gi = g[i] * scale;
                m[i] = (float) (beta1 * m[i] + (1 - beta1) * gi);
                v[i] = (float) (beta2 * v[i] + (1 - beta2) * gi * gi);
                p[i] -= (float) (learningRate * (m[i] / correction1) / (Math.sqrt(v[i] / correction2) + 1e-8));
            }
        }
    }

    /** Returns the optimizer's state for a checkpoint. */
    public State state() {
        return new State(steps, copy(firstMoment), copy(secondMoment));
    }

    /** Restores state saved by {@link #state()}. */
    public void restore(State state) {
        steps = state.steps();
        firstMoment.clear();
        firstMoment.putAll(copy(state.firstMoment()));
        secondMoment.clear();
        secondMoment.putAll(copy(state.secondMoment()));
    }

    /** The optimizer's state: step count and moment estimates by parameter name. */
    public record State(long steps, Map<String, float[]> firstMoment, Map<String, float[]> secondMoment) {
    }

    private static Map<String, float[]> copy(Map<String, float[]> arrays) {
        Map<String, float[]> out = new LinkedHashMap<>();
        arrays.forEach((k, v) -> out.put(k, v.clone()));
        return out;
    }
}
