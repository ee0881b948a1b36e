package dev.baton.learn.train;

import dev.baton.learn.conductor.TrainedPolicy;
import dev.baton.learn.conductor.WorkerIndex;
import dev.baton.learn.policy.Adam;
import dev.baton.learn.policy.PolicyShape;
import dev.baton.learn.role.RoleSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A trained (or partly trained) policy with everything needed to use it or to continue training it:
 * the pool it knows, the encoder and roles it reads and writes, the settings it was trained with, the seed,
 * how far it got, its learning curve, its parameters and its optimizer state.
 *
 * @param benchmark  the benchmark it was trained on
 * @param workers    the training pool, in pointer order
 * @param encoderId  the sentence encoder whose embeddings it reads
 * @param roles      the roles its role head indexes
 * @param shape      the network's sizes
 * @param config     the training settings
 * @param iteration  iterations completed
 * @param curve      one point per completed iteration
 * @param parameters the network's parameters by name
 * @param optimizer  Adam's state, to resume exactly
 * @param selection  why this checkpoint is the one to use, when it was chosen among several on validation questions
 *                   (the settings tried, each one's validation accuracy, the bar, the rule); empty when it was not
 */
public record Checkpoint(String benchmark, WorkerIndex workers, String encoderId, RoleSet roles, PolicyShape shape,
                         TrainingConfig config, int iteration, List<CurvePoint> curve, Map<String, float[]> parameters,
                         Adam.State optimizer, String selection) {

    /** A checkpoint that was not chosen among others. */
    public Checkpoint(String benchmark, WorkerIndex workers, String encoderId, RoleSet roles, PolicyShape shape,
                      TrainingConfig config, int iteration, List<CurvePoint> curve, Map<String, float[]> parameters,
                      Adam.State optimizer) {
        this(benchmark, workers, encoderId, roles, shape, config, iteration, curve, parameters, optimizer, "");
    }

    public Checkpoint {
        Objects.requireNonNull(benchmark, "benchmark");
        Objects.requireNonNull(workers, "workers");
        Objects.requireNonNull(encoderId, "encoderId");
        Objects.requireNonNull(roles, "roles");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(config, "config");
        curve = List.copyOf(curve);
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(selection, "selection");
    }

    /** Returns the same checkpoint recording why it was chosen. */
    public Checkpoint withSelection(String why) {
        return new Checkpoint(benchmark, workers, encoderId, roles, shape, config, iteration, curve, parameters, optimizer, why);
    }

    /** Returns the same checkpoint with one parameter replaced: for experiments and tests that set a weight by hand. */
    public Checkpoint withParameter(String name, float[] values) {
        if (!parameters.containsKey(name) || parameters.get(name).length != values.length) {
            throw new IllegalArgumentException("the policy has no parameter '" + name + "' of " + values.length + " values");
        }
        Map<String, float[]> changed = new java.util.LinkedHashMap<>(parameters);
        changed.put(name, values.clone());
        return new Checkpoint(benchmark, workers, encoderId, roles, shape, config, iteration, curve, changed, optimizer, selection);
    }

    /**
     * Returns the same checkpoint over a pool one worker wider: the index with the newcomer appended, and the parameters
     * and optimizer state widened to match ({@link Calibration}).
     */
    Checkpoint joined(WorkerIndex wider, Map<String, float[]> widerParameters, Adam.State widerOptimizer) {
        if (wider.size() != workers.size() + 1) {
            throw new IllegalArgumentException("a calibrated checkpoint has exactly one worker more");
        }
        return new Checkpoint(benchmark, wider, encoderId, roles, shape.withOneMoreWorker(), config, iteration, curve,
                widerParameters, widerOptimizer, selection);
    }

    /** Returns the trained policy alone: what a conductor needs to plan with it. */
    public TrainedPolicy policy() {
        return new TrainedPolicy(workers, encoderId, roles, shape, config.maxTotalCalls(), config.answerRule(), parameters);
    }

    /** Returns whether training has reached the configured number of iterations. */
    public boolean finished() {
        return iteration >= config.iterations();
    }
}
