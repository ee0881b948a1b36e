package dev.baton.learn.train;

import dev.baton.learn.conductor.PolicyPlanner;
import dev.baton.learn.conductor.WorkerIndex;
import dev.baton.learn.encode.QuestionEncoder;
import dev.baton.learn.policy.Adam;
import dev.baton.learn.policy.DecisionRow;
import dev.baton.learn.policy.PolicyNetwork;
import dev.baton.learn.policy.PolicyShape;
import dev.baton.learn.role.RoleSet;
import dev.baton.pool.Pool;
import dev.baton.task.Task;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Trains the compact conductor's policy with GRPO on a pool's answers to train-split questions.
 *
 * <p>Each iteration draws a batch of questions (and, unless told not to, a random subset of 2..n workers for
 * each), samples a group of workflows per question at temperature 1, runs them through the real executor,
 * and rewards each with 1 if its final answer is right, 0 if not, minus lambda times its cost. Advantages are
 * rewards normalised within each question's group; the loss is PPO's clipped policy-ratio objective over
 * every choice the policy made; Adam updates the weights. Checkpoints are written every few iterations
 * and at the end; running the same training again resumes from the last one.
 *
 * <pre>{@code
 * GrpoTrainer trainer = new GrpoTrainer("gsm8k", pool, trainTasks, encoder, RoleSet.defaults(),
 *         TrainingConfig.defaults(), Path.of("runs/gsm8k/checkpoint.json"), TrainingListener.SILENT);
 * Checkpoint checkpoint = trainer.train();
 * }</pre>
 */
public final class GrpoTrainer {

    private final String benchmark;
    private final Pool pool;
    private final List<Task> tasks;
    private final QuestionEncoder encoder;
    private final RoleSet roles;
    private final TrainingConfig config;
    private final Path checkpointFile;
    private final TrainingListener listener;
    private final List<String> workerIds;
    private final PolicyShape shape;
    private volatile boolean stopRequested;
    /** The training pool with its descriptors, measured on the training questions when first needed. */
    private WorkerIndex workers;

    public GrpoTrainer(String benchmark, Pool pool, List<Task> tasks, QuestionEncoder encoder, RoleSet roles,
                       TrainingConfig config, Path checkpointFile, TrainingListener listener) {
        this.benchmark = Objects.requireNonNull(benchmark, "benchmark");
        this.pool = Objects.requireNonNull(pool, "pool");
        this.tasks = List.copyOf(tasks);
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        this.roles = Objects.requireNonNull(roles, "roles");
        this.config = Objects.requireNonNull(config, "config");
        this.checkpointFile = Objects.requireNonNull(checkpointFile, "checkpointFile");
        this.listener = Objects.requireNonNull(listener, "listener");
        if (this.tasks.size() < config.questions()) {
            throw new dev.baton.input.InvalidSettingException("training needs at least " + config.questions() + " questions, got " + this.tasks.size());
        }
        this.workerIds = pool.view().workerIds();
        this.shape = new PolicyShape(encoder.dimension(), workerIds.size(), roles.size(), config.maxSteps(),
                config.laterRoundSteps(), config.maxRounds(), config.hidden(), 16);
    }

    /** Returns the untrained starting point: fresh weights from the seed, iteration 0. */
    public Checkpoint initial() {
        WorkerIndex workers = workers();
        try (PolicyNetwork network = PolicyNetwork.initialize(shape, workers.descriptors(), config.seed())) {
            return snapshot(network, new Adam(config.learningRate(), 1.0), 0, List.of());
        }
    }

    /**
     * Asks a running {@link #train()} to stop after the iteration under way: it writes the checkpoint there and returns
     * it, unfinished. Safe to call from any thread, such as a shutdown hook on Ctrl-C.
     */
    public void requestStop() {
        stopRequested = true;
    }

    /**
     * Trains to the configured number of iterations, resuming from the checkpoint file if it holds a matching run, or
     * until {@link #requestStop()}; returns the last checkpoint written (the start, when no iteration ran).
     */
    public Checkpoint train() {
        Checkpoint start = Files.exists(checkpointFile) ? resumable(CheckpointFile.read(checkpointFile)) : initial();
        listener.started(start.iteration(), config.iterations());
        if (start.finished()) {
            return start;
        }
        workers = start.workers(); // a resumed run keeps the descriptors it started with
        List<float[]> embeddings = encoder.encodeAll(tasks.stream().map(Task::question).toList());
        Adam adam = new Adam(config.learningRate(), 1.0);
        adam.restore(start.optimizer());
        List<CurvePoint> curve = new ArrayList<>(start.curve());
        try (PolicyNetwork network = PolicyNetwork.restore(shape, workers.descriptors(), start.parameters());
             ExecutorService threads = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()))) {
            RolloutRunner runner = new RolloutRunner(pool, config, threads);
            PolicyPlanner planner = new PolicyPlanner(network, workers, roles, config.maxTotalCalls(), config.answerRule());
            Checkpoint last = start;
            for (int iteration = start.iteration(); iteration < config.iterations() && !stopRequested; iteration++) {
                CurvePoint point = iterate(network, planner, adam, runner, embeddings, iteration);
                curve.add(point);
                listener.iterationDone(point, config.iterations());
                boolean end = iteration + 1 == config.iterations();
                // A stop keeps what was learned: the iteration just done is saved, so a rerun resumes after it.
                if (end || (iteration + 1) % config.checkpointEvery() == 0 || stopRequested) {
                    last = snapshot(network, adam, iteration + 1, curve);
                    CheckpointFile.write(last, checkpointFile);
                }
            }
            return last;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write checkpoint " + checkpointFile, e);
        }
    }

    private CurvePoint iterate(PolicyNetwork network, PolicyPlanner planner, Adam adam, RolloutRunner runner,
                               List<float[]> embeddings, int iteration) {
        // Everything random in an iteration comes from (seed, iteration): a resumed run draws what the uninterrupted one would.
        SplittableRandom random = new SplittableRandom(config.seed() * 0x9E3779B97F4A7C15L + iteration);
        List<Rollout> all = new ArrayList<>();
        List<Rollout> learnFrom = new ArrayList<>(sampleBatch(runner, planner, embeddings, random));
        all.addAll(learnFrom);
        // Dynamic sampling (only when draws > 1): most questions are answered right (or wrong) by every sampled
        // workflow, so their groups teach only cost. Further batches add just the groups whose workflows disagreed
        // on correctness, until the iteration holds as many of those as a batch has questions.
        int informative = informativeGroups(learnFrom).size();
        for (int draw = 1; draw < config.draws() && informative < config.questions(); draw++) {
            List<Rollout> batch = sampleBatch(runner, planner, embeddings, random);
            all.addAll(batch);
            for (List<Rollout> group : informativeGroups(batch)) {
                if (informative < config.questions()) {
                    learnFrom.addAll(group);
                    informative++;
                }
            }
        }
        double[] rewards = learnFrom.stream().mapToDouble(Rollout::reward).toArray();
        if (config.shuffleRewards()) {
            shuffle(rewards, random);
        }
        double[] advantages = Advantages.groupNormalized(rewards, config.rollouts());
        update(network, adam, learnFrom, advantages, iteration + 1);
        return new CurvePoint(iteration + 1,
                all.stream().mapToDouble(Rollout::reward).average().orElse(0),
                100.0 * all.stream().filter(Rollout::correct).count() / all.size(),
                all.stream().mapToDouble(r -> r.trace().costUsd()).average().orElse(0),
                all.stream().mapToDouble(r -> r.trace().callCount()).average().orElse(0));
    }

    /** Returns the training pool's index, measuring each worker's accuracy alone on the training questions once. */
    private synchronized WorkerIndex workers() {
        if (workers == null) {
            ExecutorService threads = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()));
            try {
                SoloAccuracy.Measured measured = SoloAccuracy.measure(pool, tasks, threads);
                workers = WorkerIndex.of(pool.cards(), measured.overall(), measured.byCategory(), measured::sameWrong);
            } finally {
                threads.shutdown();
            }
        }
        return workers;
    }

    /** Returns the groups of a batch whose workflows disagree on correctness: the ones that teach accuracy. */
    private List<List<Rollout>> informativeGroups(List<Rollout> batch) {
        List<List<Rollout>> groups = new ArrayList<>();
        for (int start = 0; start < batch.size(); start += config.rollouts()) {
            List<Rollout> group = batch.subList(start, start + config.rollouts());
            if (group.stream().anyMatch(Rollout::correct) && !group.stream().allMatch(Rollout::correct)) {
                groups.add(group);
            }
        }
        return groups;
    }

    /** Draws a batch of questions (and their pools) and samples a group of workflows for each. */
    private List<Rollout> sampleBatch(RolloutRunner runner, PolicyPlanner planner, List<float[]> embeddings,
                                      SplittableRandom random) {
        List<Integer> picked = pickQuestions(random);
        List<Task> batch = picked.stream().map(tasks::get).toList();
        List<float[]> batchEmbeddings = picked.stream().map(embeddings::get).toList();
        List<boolean[]> offered = new ArrayList<>();
        for (int q = 0; q < batch.size(); q++) {
            offered.add(offer(random));
        }
        List<SplittableRandom> streams = new ArrayList<>();
        for (int i = 0; i < batch.size() * config.rollouts(); i++) {
            streams.add(random.split());
        }
        return runner.run(planner, batch, batchEmbeddings, offered, streams);
    }

    /** One clipped-ratio update per epoch over every choice of every rollout. */
    private void update(PolicyNetwork network, Adam adam, List<Rollout> rollouts, double[] advantages, int iteration) {
        List<DecisionRow> rows = new ArrayList<>();
        List<Float> rowAdvantages = new ArrayList<>();
        for (int i = 0; i < rollouts.size(); i++) {
            for (DecisionRow row : rollouts.get(i).plan().decisions()) {
                rows.add(row);
                rowAdvantages.add((float) advantages[i]);
            }
        }
        float[] advantage = new float[rows.size()];
        float[] oldLogProb = new float[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            advantage[i] = rowAdvantages.get(i);
            oldLogProb[i] = rows.get(i).logProb();
        }
        boolean anySignal = false;
        for (float a : advantage) {
            anySignal |= a != 0;
        }
        if (!anySignal) {
            return; // every group scored alike: nothing to learn from this batch
        }
        network.startEngine(); // configures the engine before the collector below asks for it
        for (int epoch = 0; epoch < config.epochs(); epoch++) {
            adam.step(network.parameters(), network.gradients(rows,
                    (scope, logProb) -> ClippedObjective.loss(logProb, scope.create(oldLogProb), scope.create(advantage), config.clip())));
            requireFinite(network.parameters(), iteration);
            network.load();
        }
    }

    /**
     * Stops training when an update left a parameter NaN or infinite: every later update and the checkpoint would
     * carry it, and a NaN policy plans nothing sensible.
     *
     * @throws TrainingDivergedException naming the iteration and the parameter
     */
    static void requireFinite(java.util.Map<String, float[]> parameters, int iteration) {
        parameters.forEach((name, values) -> {
            for (float v : values) {
                if (!Float.isFinite(v)) {
                    throw new TrainingDivergedException(iteration, name);
                }
            }
        });
    }

    private List<Integer> pickQuestions(SplittableRandom random) {
        List<Integer> picked = new ArrayList<>();
        while (picked.size() < config.questions()) {
            int index = random.nextInt(tasks.size());
            if (!picked.contains(index)) {
                picked.add(index);
            }
        }
        return picked;
    }

    /** Offers all workers, or a random subset of 2..n of them when pools are randomised. */
    private boolean[] offer(SplittableRandom random) {
        int n = workerIds.size();
        boolean[] offered = new boolean[n];
        if (!config.randomizePools() || n <= 2) {
            java.util.Arrays.fill(offered, true);
            return offered;
        }
        int size = 2 + random.nextInt(n - 1);
        int[] order = random.ints(0, Integer.MAX_VALUE).limit(n).toArray();
        Integer[] indices = new Integer[n];
        for (int i = 0; i < n; i++) {
            indices[i] = i;
        }
        java.util.Arrays.sort(indices, (a, b) -> Integer.compare(order[a], order[b]));
        for (int i = 0; i < size; i++) {
            offered[indices[i]] = true;
        }
        return offered;
    }

    private static void shuffle(double[] values, SplittableRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            double t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }

    private Checkpoint snapshot(PolicyNetwork network, Adam adam, int iteration, List<CurvePoint> curve) {
        java.util.Map<String, float[]> parameters = new java.util.LinkedHashMap<>();
        network.parameters().forEach((name, values) -> parameters.put(name, values.clone()));
        return new Checkpoint(benchmark, workers, encoder.id(), roles, shape, config, iteration, curve, parameters, adam.state());
    }

    /** Accepts a checkpoint to resume only when it is the same run; a longer target is allowed. */
    private Checkpoint resumable(Checkpoint found) {
        List<String> problems = new ArrayList<>();
        if (!found.benchmark().equals(benchmark)) {
            problems.add("benchmark " + found.benchmark() + " vs " + benchmark);
        }
        if (!found.workers().workerIds().equals(workerIds)) {
            problems.add("a different pool");
        }
        if (!found.encoderId().equals(encoder.id())) {
            problems.add("encoder " + found.encoderId() + " vs " + encoder.id());
        }
        if (!found.roles().roles().equals(roles.roles())) {
            problems.add("different roles");
        }
        List<String> settings = config.differencesFrom(found.config());
        if (!settings.isEmpty()) {
            problems.add("different training settings: " + String.join("; ", settings));
        }
        if (!problems.isEmpty()) {
            throw new CheckpointException(checkpointFile + " holds another run (" + String.join(", ", problems)
                    + "): delete it or train into another file");
        }
        return new Checkpoint(found.benchmark(), found.workers(), found.encoderId(), found.roles(), found.shape(), config,
                found.iteration(), found.curve(), found.parameters(), found.optimizer());
    }
}
