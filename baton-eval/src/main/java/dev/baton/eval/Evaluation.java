package dev.baton.eval;

import dev.baton.conduct.Conductor;
import dev.baton.conduct.Orchestrator;
import dev.baton.conduct.baseline.Hindsight;
import dev.baton.conduct.baseline.SoloConductor;
import dev.baton.execute.Budget;
import dev.baton.execute.Executor;
import dev.baton.execute.RetryPolicy;
import dev.baton.pool.Pool;
import dev.baton.pool.PoolView;
import dev.baton.task.Split;
import dev.baton.task.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Evaluates conductor specs on a benchmark split with one pool: resolves the specs, ranks the workers on the
 * train split when a baseline needs it, runs every conductor and sums up the rows.
 *
 * <pre>{@code
 * Evaluation evaluation = new Evaluation("gsm8k", tasks, pool, "replay", Optional.of(hindsight), List.of(), progress);
 * EvalReport report = evaluation.evaluate(Split.TEST, List.of("solo:all", "best-solo", "vote:top3"));
 * }</pre>
 */
public final class Evaluation {

    private final String benchmark;
    private final List<Task> tasks;
    private final Pool pool;
    private final String poolName;
    private final Optional<Hindsight> hindsight;
    private final List<String> notes;
    private final EvalRunner runner;
    private final ProgressListener progress;
    private final Supplier<Map<String, List<TaskResult>>> soloOnTrain;
    private final Supplier<WorkerRanking> ranking;
    private final Supplier<Optional<CascadeSearch.Choice>> bestCascade;
    private final PoolView view;
    private final Map<String, Function<String, Conductor>> extensions;

    /**
     * @param benchmark name of the benchmark, which fixes the split
     * @param tasks     all of its tasks
     * @param pool      the workers
     * @param poolName  the pool's kind, shown in reports
     * @param hindsight the answer key of an offline pool (for {@code oracle}), empty otherwise
     * @param notes     how the pool's figures are obtained, printed with the report
     * @param progress  hears about progress
     */
    public Evaluation(String benchmark, List<Task> tasks, Pool pool, String poolName, Optional<Hindsight> hindsight,
                      List<String> notes, ProgressListener progress) {
        this(benchmark, tasks, pool, pool.view(), poolName, hindsight, notes, progress, Map.of());
    }

    private Evaluation(String benchmark, List<Task> tasks, Pool pool, PoolView view, String poolName, Optional<Hindsight> hindsight,
                       List<String> notes, ProgressListener progress, Map<String, Function<String, Conductor>> extensions) {
        this.benchmark = Objects.requireNonNull(benchmark, "benchmark");
        this.tasks = List.copyOf(tasks);
        this.pool = Objects.requireNonNull(pool, "pool");
        this.poolName = Objects.requireNonNull(poolName, "poolName");
        this.hindsight = Objects.requireNonNull(hindsight, "hindsight");
        this.notes = List.copyOf(notes);
        this.progress = Objects.requireNonNull(progress, "progress");
        Executor executor = Executor.builder().retry(RetryPolicy.none()).build();
        this.runner = new EvalRunner(new Orchestrator(executor, pool, Budget.unlimited(), Orchestrator.DEFAULT_MAX_ROUNDS),
                Math.max(2, Runtime.getRuntime().availableProcessors()), progress);
        this.soloOnTrain = memoize(this::runSoloOnTrain);
        this.ranking = memoize(this::rankOnTrain);
        this.bestCascade = memoize(() -> new CascadeSearch(Split.TRAIN.select(benchmark, this.tasks), soloOnTrain.get())
                .best(ranking.get()));
        this.view = Objects.requireNonNull(view, "view");
        this.extensions = Map.copyOf(extensions);
    }

    /**
     * Returns an evaluation of the same tasks restricted to some workers: every conductor, ranking and
     * baseline sees only them.
     *
     * @throws dev.baton.pool.UnknownWorkerException naming a worker the pool lacks
     */
    public Evaluation withWorkers(List<String> workers) {
        return new Evaluation(benchmark, tasks, pool, pool.view(workers), poolName, hindsight, notes, progress, extensions);
    }

    /** Returns an evaluation that also understands {@code kind:<argument>} specs, built by {@code factory}. */
    public Evaluation withConductorKind(String kind, Function<String, Conductor> factory) {
        Map<String, Function<String, Conductor>> more = new java.util.HashMap<>(extensions);
        more.put(kind, factory);
        return new Evaluation(benchmark, tasks, pool, view, poolName, hindsight, notes, progress, more);
    }

    /** Returns the workers this evaluation uses. */
    public PoolView view() {
        return view;
    }

    /** Returns the benchmark's tasks of a split. */
    public List<Task> tasks(Split split) {
        return split.select(benchmark, tasks);
    }

    /** Evaluates already-built conductors (for example learned ones) on a split, one row each. */
    public EvalReport evaluateConductors(Split split, List<Conductor> conductors) {
        return evaluateConductors(split, conductors, TraceListener.NONE);
    }

    /** Evaluates already-built conductors on a split, one row each, handing every answered task to {@code traces}. */
    public EvalReport evaluateConductors(Split split, List<Conductor> conductors, TraceListener traces) {
        List<Task> selected = split.select(benchmark, tasks);
        List<EvalRow> rows = new ArrayList<>();
        for (Conductor conductor : conductors) {
            rows.add(EvalRunner.summarize(conductor.name(), runner.run(conductor, selected, view, traces)));
        }
        return new EvalReport(benchmark, poolName, split.id(), rows, notes);
    }

    /** Returns the specs' conductors without running anything: fails fast on a bad spec. */
    public List<Conductor> conductors(List<String> specs) {
        specs.forEach(spec -> ConductorSpecs.checkForm(spec, extensions.keySet()));
        ConductorSpecs resolver = new ConductorSpecs(pool, view, ranking, () -> bestCascade.get().map(CascadeSearch.Choice::workers)
                .orElseThrow(() -> new ConductorSpecException("best-cascade needs at least 2 workers")), hindsight, extensions);
        List<Conductor> conductors = new ArrayList<>();
        specs.forEach(spec -> conductors.addAll(resolver.resolve(spec)));
        return conductors;
    }

    /** Evaluates every spec on the given split and returns the table. */
    public EvalReport evaluate(Split split, List<String> specs) {
        return evaluateConductors(split, conductors(specs));
    }

    /** Returns the workers ranked by accuracy alone on the train split. */
    public WorkerRanking ranking() {
        return ranking.get();
    }

    /** Returns the cascade {@code best-cascade} names, with its accuracy and cost on train; empty below two workers. */
    public Optional<CascadeSearch.Choice> bestCascade() {
        return bestCascade.get();
    }

    /** Every worker of the view alone on the train split: what the ranking and the cascade search are made from. */
    private Map<String, List<TaskResult>> runSoloOnTrain() {
        List<Task> train = Split.TRAIN.select(benchmark, tasks);
        Map<String, List<TaskResult>> results = new java.util.LinkedHashMap<>();
        for (String worker : view.workerIds()) {
            results.put(worker, runner.run(new SoloConductor(worker, "ranking " + worker), train, view));
        }
        return results;
    }

    private WorkerRanking rankOnTrain() {
        List<WorkerRanking.Entry> entries = new ArrayList<>();
        soloOnTrain.get().forEach((worker, results) -> {
            EvalRow row = EvalRunner.summarize(worker, results);
            entries.add(new WorkerRanking.Entry(worker, row.accuracy(), row.meanCostUsd()));
        });
        return WorkerRanking.byAccuracy(entries);
    }

    private static <T> Supplier<T> memoize(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }
}
