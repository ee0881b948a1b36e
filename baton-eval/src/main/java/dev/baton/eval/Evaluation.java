package dev.baton.eval;

import dev.baton.conduct.Conductor;
import dev.baton.conduct.Orchestrator;
import dev.baton.conduct.baseline.Hindsight;
import dev.baton.conduct.baseline.SoloConductor;
import dev.baton.execute.Budget;
import dev.baton.execute.Executor;
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
 * Evaluates conductor specs on a benchmark split with one pool: resolves the specs, ranks the workers when a baseline
 * needs it, runs every conductor and sums up the rows. Every call goes through the executor it is given, so a live
 * pool's calls get the same retries, cache and limits as {@code ask}'s.
 *
 * <p>"The best worker" and "the top k" ({@code best-solo}, {@code vote:top<k>}, {@code moa:top<k>},
 * {@code best-cascade}) come from the workers' accuracy alone on the train split. On an offline pool that costs
 * nothing and is measured on the pool itself; a live pool would have to ask every worker every train question, so it
 * is never done unasked: rank from a recording of the pool ({@link #withRankingFrom}) or in the order the pool lists
 * its workers ({@link #withListedRanking}).
 *
 * <pre>{@code
 * Evaluation evaluation = new Evaluation("gsm8k", tasks, pool, executor, "replay", Optional.of(hindsight), List.of(), progress);
 * EvalReport report = evaluation.evaluate(Split.TEST, List.of("solo:all", "best-solo", "vote:top3"));
 * }</pre>
 */
public final class Evaluation {

    private final String benchmark;
    private final List<Task> tasks;
    private final Pool pool;
    private final Executor executor;
    private final String poolName;
    private final Optional<Hindsight> hindsight;
    private final List<String> notes;
    private final EvalRunner runner;
    private final ProgressListener progress;
    private final RankingSource source;
    private final Supplier<Map<String, List<TaskResult>>> soloOnTrain;
    private final Supplier<WorkerRanking> ranking;
    private final Supplier<Optional<CascadeSearch.Choice>> bestCascade;
    private final PoolView view;
    private final Map<String, Function<String, Conductor>> extensions;

    /**
     * @param benchmark name of the benchmark, which fixes the split
     * @param tasks     all of its tasks
     * @param pool      the workers
     * @param executor  every call goes through it: for a replay pool one that tries once; for a live pool the chain of
     *                  {@code ask} (retry, limits, circuit breakers, the response cache, a spending cap)
     * @param poolName  the pool's kind, shown in reports
     * @param hindsight the answer key of an offline pool (for {@code oracle}), empty for a live pool, whose failed
     *                  calls are then counted in every row
     * @param notes     how the pool's figures are obtained, printed with the report
     * @param progress  hears about progress
     */
    public Evaluation(String benchmark, List<Task> tasks, Pool pool, Executor executor, String poolName,
                      Optional<Hindsight> hindsight, List<String> notes, ProgressListener progress) {
        this(benchmark, tasks, pool, executor, pool.view(), poolName, hindsight, notes, progress, Map.of(),
                new RankingSource.OwnTrainSplit());
    }

    private Evaluation(String benchmark, List<Task> tasks, Pool pool, Executor executor, PoolView view, String poolName,
                       Optional<Hindsight> hindsight, List<String> notes, ProgressListener progress,
                       Map<String, Function<String, Conductor>> extensions, RankingSource source) {
        this.benchmark = Objects.requireNonNull(benchmark, "benchmark");
        this.tasks = List.copyOf(tasks);
        this.pool = Objects.requireNonNull(pool, "pool");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.poolName = Objects.requireNonNull(poolName, "poolName");
        this.hindsight = Objects.requireNonNull(hindsight, "hindsight");
        this.notes = List.copyOf(notes);
        this.progress = Objects.requireNonNull(progress, "progress");
        this.view = Objects.requireNonNull(view, "view");
        this.extensions = Map.copyOf(extensions);
        this.source = Objects.requireNonNull(source, "source");
        this.runner = new EvalRunner(new Orchestrator(executor, pool, Budget.unlimited(), Orchestrator.DEFAULT_MAX_ROUNDS),
                Math.max(2, Runtime.getRuntime().availableProcessors()), progress, hindsight.isEmpty());
        this.soloOnTrain = memoize(this::runSoloOnTrain);
        Supplier<Evaluation> recordingOverView = memoize(() -> ((RankingSource.FromRecording) this.source).over(this.view));
        this.ranking = memoize(() -> switch (this.source) {
            case RankingSource.OwnTrainSplit own -> rankOnTrain();
            case RankingSource.Listed listed -> WorkerRanking.asListed(this.view.workerIds());
            case RankingSource.FromRecording recorded -> recordingOverView.get().ranking();
        });
        this.bestCascade = memoize(() -> switch (this.source) {
            case RankingSource.OwnTrainSplit own -> new CascadeSearch(Split.TRAIN.select(benchmark, this.tasks), soloOnTrain.get())
                    .best(ranking.get());
            case RankingSource.Listed listed -> throw new ConductorSpecException("best-cascade is chosen from every worker's "
                    + "answers to a benchmark's train split, which " + poolName + " has not recorded: name the order instead, "
                    + "cheap workers first, e.g. cascade:<w1,w2,w3>, or rank from a recording of the pool");
            case RankingSource.FromRecording recorded -> recordingOverView.get().bestCascade();
        });
    }

    /** Where "the best worker" and "the top k" come from. */
    private sealed interface RankingSource {

        /** The pool's own answers to the train split: free and exact for an offline pool. */
        record OwnTrainSplit() implements RankingSource {
        }

        /** The order the pool lists its workers in, best first by the user's word. */
        record Listed() implements RankingSource {
        }

        /** Another evaluation's train split: a recording of the same workers, replayed. */
        record FromRecording(Evaluation recording) implements RankingSource {

            /** Returns the recording's evaluation restricted to {@code view}'s workers, each of which it must have. */
            Evaluation over(PoolView view) {
                List<String> missing = view.workerIds().stream()
                        .filter(id -> !recording.view.workerIds().contains(id)).toList();
                if (!missing.isEmpty()) {
                    throw new ConductorSpecException("the recording " + recording.benchmark + " has no answers of "
                            + String.join(", ", missing) + ", so it cannot rank them: record the pool again (baton record), "
                            + "or rank in the pool file's order");
                }
                return recording.withWorkers(view.workerIds());
            }
        }
    }

    /**
     * Returns an evaluation that takes "the best worker", "the top k" and {@code best-cascade} from
     * {@code recording}'s train split (a {@code baton record} file of the same workers, replayed) rather than from its
     * own pool: a live pool then makes no call to rank.
     */
    public Evaluation withRankingFrom(Evaluation recording) {
        return new Evaluation(benchmark, tasks, pool, executor, view, poolName, hindsight, notes, progress, extensions,
                new RankingSource.FromRecording(Objects.requireNonNull(recording, "recording")));
    }

    /**
     * Returns an evaluation whose "best worker" and "top k" are the first workers in the pool's own order (a pool file
     * lists the best first), and that refuses {@code best-cascade}: a live pool then makes no call to rank.
     */
    public Evaluation withListedRanking() {
        return new Evaluation(benchmark, tasks, pool, executor, view, poolName, hindsight, notes, progress, extensions,
                new RankingSource.Listed());
    }

    /**
     * Returns an evaluation of the same tasks restricted to some workers: every conductor, ranking and
     * baseline sees only them.
     *
     * @throws dev.baton.pool.UnknownWorkerException naming a worker the pool lacks
     */
    public Evaluation withWorkers(List<String> workers) {
        return new Evaluation(benchmark, tasks, pool, executor, pool.view(workers), poolName, hindsight, notes, progress,
                extensions, source);
    }

    /** Returns an evaluation that also understands {@code kind:<argument>} specs, built by {@code factory}. */
    public Evaluation withConductorKind(String kind, Function<String, Conductor> factory) {
        Map<String, Function<String, Conductor>> more = new java.util.HashMap<>(extensions);
        more.put(kind, factory);
        return new Evaluation(benchmark, tasks, pool, executor, view, poolName, hindsight, notes, progress, more, source);
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
