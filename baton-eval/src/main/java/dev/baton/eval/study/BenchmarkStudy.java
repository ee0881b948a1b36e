package dev.baton.eval.study;

import dev.baton.conduct.Conductor;
import dev.baton.eval.EvalReport;
import dev.baton.eval.EvalRow;
import dev.baton.eval.Evaluation;
import dev.baton.eval.ProgressListener;
import dev.baton.eval.report.BenchmarkSection;
import dev.baton.eval.report.Finding;
import dev.baton.eval.report.KnobPoint;
import dev.baton.eval.report.LearningCurve;
import dev.baton.learn.conductor.LearnedConductor;
import dev.baton.learn.encode.QuestionEncoder;
import dev.baton.learn.role.RoleSet;
import dev.baton.learn.train.Checkpoint;
import dev.baton.learn.train.GrpoTrainer;
import dev.baton.learn.train.TrainingConfig;
import dev.baton.learn.train.TrainingListener;
import dev.baton.offline.ContextModel;
import dev.baton.offline.ReplayedBenchmark;
import dev.baton.pool.Pool;
import dev.baton.task.Split;
import dev.baton.task.Task;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * The demo's full story for one benchmark: baselines, the learned conductor trained on the train split and
 * its controls (untrained, shuffled rewards, routing alone, three cost penalties), the same checkpoint on
 * other pools and without the strongest worker, all evaluated on the test split. Every choice (the best worker,
 * the top-k of votes) is made on the train split.
 *
 * <pre>{@code
 * BenchmarkStudy.Result result = new BenchmarkStudy(replayed, encoder, TrainingConfig.defaults(), SweepSetting::forContext, Path.of("runs/x"),
 *         ProgressListener.SILENT, label -> TrainingListener.SILENT).run();
 * }</pre>
 */
public final class BenchmarkStudy {

    /** The baselines every report compares against. */
    public static final List<String> BASELINES = List.of("solo:all", "best-solo", "random", "vote:top3", "vote:top5", "moa:top3",
            "best-cascade",
            "oracle");

    /** Further seeds of the chosen setting, trained to show how much one GRPO run's outcome varies, and chosen among. */
    static final int EXTRA_SEEDS = 2;
    static final int POOL_DRAWS = 20;
    static final int POOL_SIZE = 4;
    static final long POOL_SEED = 7;

    private final ReplayedBenchmark loaded;
    private final QuestionEncoder encoder;
    private final TrainingConfig config;
    private final Function<ContextModel, List<SweepSetting>> sweepFor;
    private final Path dir;
    private final ProgressListener progress;
    private final Function<String, TrainingListener> trainingProgress;
    private final List<LearnedConductor> opened = new ArrayList<>();

    /**
     * @param loaded           the benchmark and its replay pool
     * @param encoder          the question encoder every checkpoint is trained with
     * @param config           the main run's training settings; the controls derive from it
     * @param sweepFor         the sweep the default is chosen from, given the replay pool's context model (usually
     *                         {@link SweepSetting#forContext})
     * @param dir              where checkpoints are written (one folder per benchmark)
     * @param progress         hears about evaluation progress
     * @param trainingProgress makes a listener for each training run, given its label
     */
    public BenchmarkStudy(ReplayedBenchmark loaded, QuestionEncoder encoder, TrainingConfig config,
                   Function<ContextModel, List<SweepSetting>> sweepFor, Path dir, ProgressListener progress,
                   Function<String, TrainingListener> trainingProgress) {
        this.loaded = loaded;
        this.encoder = encoder;
        this.config = config;
        this.sweepFor = Objects.requireNonNull(sweepFor, "sweepFor");
        this.dir = dir;
        this.progress = progress;
        this.trainingProgress = trainingProgress;
    }

    /**
     * What the study found, once for every benchmark it is run on: the learned conductor's figures on the test split
     * rest on the replay pool's context model wherever a step sees earlier steps, and only routing alone does not.
     */
    public static final Finding CONTEXT_MODEL = Finding.of("context model", "Steps that see earlier steps answer by the replay "
            + "pool's context model (each benchmark's finding names it, assumed or measured); the assumed one assumes a worker shown others' answers adopts one two of them agree on (p_follow) "
            + "or keeps its own (p_keep): it never invents a new answer, so a weak last step can inherit a right answer. Live "
            + "models need not behave so; each benchmark's routing-alone row is the figure that does not rest on it.");

    /**
     * What the study found.
     *
     * @param section the report section: table, findings, curves, cost knob, usage, examples
     */
    public record Result(BenchmarkSection section) {

        /** Returns the findings as one line each for a terminal, each led by the benchmark's name. */
        public List<String> findings() {
            return section.findings().stream().map(finding -> section.benchmark() + ", " + finding.line()).toList();
        }
    }

    /** Trains, evaluates and sums up; checkpoints land under {@code dir}. */
    public Result run() {
        String name = loaded.benchmark().name();
        List<Task> test = Split.TEST.select(name, loaded.benchmark().tasks());
        Evaluation evaluation = new Evaluation(name, loaded.benchmark().tasks(), loaded.pool(), loaded.executor(), "replay",
                Optional.of(loaded.hindsight()), loaded.notes(), progress);
        try {
            // Every choice below is made on the train split: candidates learn on its fit part, the default is chosen on
            // its validation part; the test split only measures.
            ValidationChoice choice = new ValidationChoice(loaded, evaluation.view().workerIds(), encoder);
            List<Task> fit = choice.fit();
            List<ValidationChoice.Candidate> sweep = new ArrayList<>();
            long start = System.nanoTime();
            Finding trainingTime = null;
            List<TrainingConfig> runs = SweepSetting.runs(sweepFor.apply(loaded.context()), config);
            for (TrainingConfig settings : runs) {
                String label = SweepSetting.label(settings, config);
                Checkpoint trained = train(SweepSetting.fileLabel(label), settings, fit);
                if (sweep.isEmpty()) {
                    trainingTime = Finding.of("training time", String.format(Locale.ROOT,
                            "One training run (%d x %d x %d rollouts, %s) took %.1f s.", config.iterations(), config.questions(),
                            config.rollouts(), label, (System.nanoTime() - start) / 1e9));
                }
                sweep.add(choice.candidate(label, trained));
            }
            ValidationChoice.Choice bySetting = choice.choose(sweep);
            TrainingConfig setting = bySetting.chosen().checkpoint().config();
            List<ValidationChoice.Candidate> seeds = new ArrayList<>(List.of(bySetting.chosen()));
            for (int k = 1; k <= EXTRA_SEEDS; k++) {
                long seed = config.seed() + k;
                String label = bySetting.chosen().label() + " seed " + seed;
                seeds.add(choice.candidate(label, train(SweepSetting.fileLabel(label), setting.withSeed(seed), fit)));
            }
            List<ValidationChoice.Candidate> all = new ArrayList<>(sweep);
            all.addAll(seeds.subList(1, seeds.size()));
            ValidationChoice.Choice chosen = choice.choose(all);
            Checkpoint main = chosen.chosen().checkpoint().withSelection(chosen.why());
            writeChosen(main);
            TrainingConfig mainConfig = main.config();

            Checkpoint control = train("control", config.withShuffledRewards(true), fit);
            Checkpoint routing = train("routing", mainConfig.routingOnly(), fit);
            Checkpoint untrained = trainer("untrained", config, fit).initial();

            String headline = "learned (default: " + SweepSetting.label(mainConfig, config) + ", seed " + mainConfig.seed()
                    + ", chosen on validation)";
            LearnedConductor learned = conductor(main, headline, test);
            // Arguments are evaluated in order, so the conductors are prepared in the table's order as before.
            LearnedLineup<Conductor> conductors = new LearnedLineup<>(learned,
                    conductor(routing, "learned: routing alone (1 step, recorded answers only, lambda=" + fmt(mainConfig.lambda()) + ")", test),
                    sweep.stream().<Conductor>map(c -> conductor(c.checkpoint(), "learned (" + c.label() + ")", test)).toList(),
                    conductor(untrained, "learned: untrained policy", test),
                    conductor(control, "learned: shuffled-reward control (lambda=" + fmt(config.lambda()) + ")", test));
            List<EvalRow> table = new ArrayList<>(evaluation.evaluate(Split.TEST, BASELINES).rows());
            LearnedUsage usage = new LearnedUsage(learned.name());
            List<EvalRow> evaluated = evaluation.evaluateConductors(Split.TEST, conductors.inOrder(), usage).rows();
            table.addAll(evaluated);
            LearnedLineup<EvalRow> learnedRows = conductors.matched(evaluated);
            EvalRow bestSolo = table.stream().filter(r -> r.conductor().startsWith("best-solo")).findFirst().orElseThrow();
            Finding seedSpread = seedSpread(evaluation, seeds, test);
            // The configured run is one of the sweep's (factor 1, no cap of its own): its controls are trained at it.
            int configured = runs.indexOf(config);
            if (configured < 0) {
                throw new IllegalStateException("the sweep lacks the configured run");
            }
            Finding verdict = new LearningVerdict(config.lambda(), learnedRows.sweep().get(configured), learnedRows.untrained(),
                    learnedRows.control()).finding();
            table.addAll(withoutStrongest(evaluation, learned, mainConfig, fit, test));
            Finding anyPool = anyPool(evaluation, learned);

            List<KnobPoint> knob = new ArrayList<>();
            for (int i = 0; i < sweep.size(); i++) {
                knob.add(knob(sweep.get(i).label(), sweep.get(i).checkpoint(), learnedRows.sweep().get(i)));
            }
            // The default is a learned setting too, chosen without test; when validation picked another seed than the
            // sweep's, it is a point of the frontier of its own.
            if (!sweep.contains(chosen.chosen())) {
                knob.add(knob("default: " + chosen.chosen().label(), main, learnedRows.chosen()));
            }
            LearnedUsage.Summary used = usage.summarize(test, loaded.pool());
            // The reader's order: how the default did, whether it learned, what rests on the context model, then how it
            // was chosen and what it took.
            List<Finding> findings = new ArrayList<>(List.of(defaultVersusBest(chosen, learnedRows.chosen(), bestSolo), verdict,
                    contextModel(learnedRows.chosen(), learnedRows.routing(), loaded.context()), anyPool, chosen.finding(), seedSpread));
            subjects(usage.workersBySubject(test), learned.name()).ifPresent(findings::add);
            findings.add(Objects.requireNonNull(trainingTime, "the sweep trained nothing"));
            EvalReport report = new EvalReport(name, "replay", Split.TEST.id(), table, loaded.notes());
            BenchmarkSection section = new BenchmarkSection(report,
                    List.of(curve("trained (default)", main), curve("shuffled-reward control", control)),
                    knob, used.workers(), used.roles(), used.examples(), findings);
            return new Result(section);
        } finally {
            opened.forEach(LearnedConductor::close);
        }
    }

    /** Writes the chosen checkpoint, with the reason it was chosen, as {@code default.json}. */
    private void writeChosen(Checkpoint chosen) {
        Path file = dir.resolve(loaded.benchmark().name()).resolve("default.json");
        try {
            dev.baton.learn.train.CheckpointFile.write(chosen, file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("could not write " + file, e);
        }
    }

    /** The default against the best single worker on test, measured only after every choice was made. */
    private static Finding defaultVersusBest(ValidationChoice.Choice chosen, EvalRow mine, EvalRow best) {
        return Finding.of("default on test", String.format(Locale.ROOT, "%.1f%% at %.2f calls ($%.6f a question) against "
                        + "best-solo's %.1f%% ($%.6f): %+.1f points.%s", mine.accuracy(), mine.meanCalls(), mine.meanCostUsd(),
                best.accuracy(), best.meanCostUsd(), mine.accuracy() - best.accuracy(),
                chosen.reachesBar() ? "" : " No learned setting reached the best single worker on validation: use best-solo."));
    }

    /**
     * The default beside routing alone, the one learned row that does not rest on the context model
     * ({@link #CONTEXT_MODEL}), naming the model the default's figure rests on: assumed or measured, and from which file.
     */
    private static Finding contextModel(EvalRow mine, EvalRow routing, ContextModel context) {
        String model = context.isMeasured()
                ? "the context model measured in " + context.source() + " (recorded reviews replayed where a step sees what "
                        + "one saw, each worker's measured p_follow and p_keep elsewhere)"
                : "the context model assumed in " + context.source();
        return Finding.of("context model", String.format(Locale.ROOT, "The default scores %.1f%% at %.2f calls, routing alone "
                + "%.1f%% at 1 call (recorded answers only); the default's figure rests on %s, the routing-alone figure on "
                + "none.", mine.accuracy(), mine.meanCalls(), routing.accuracy(), model));
    }

    private Checkpoint train(String label, TrainingConfig settings, List<Task> train) {
        return trainer(label, settings, train).train();
    }

    private GrpoTrainer trainer(String label, TrainingConfig settings, List<Task> train) {
        return trainer(label, settings, train, loaded.pool());
    }

    private GrpoTrainer trainer(String label, TrainingConfig settings, List<Task> train, Pool pool) {
        return new GrpoTrainer(loaded.benchmark().name(), pool, train, encoder, RoleSet.defaults(), settings,
                dir.resolve(loaded.benchmark().name()).resolve(label + ".json"),
                trainingProgress.apply(loaded.benchmark().name() + " " + label));
    }

    private LearnedConductor conductor(Checkpoint checkpoint, String name, List<Task> test) {
        LearnedConductor conductor = new LearnedConductor(checkpoint.policy(), encoder, name);
        conductor.prepare(test);
        opened.add(conductor);
        return conductor;
    }

    /**
     * The main checkpoint and the best single worker, both without the strongest worker (the best alone on train),
     * and a checkpoint trained on the pool without it: how much of the result rests on one model.
     */
    private List<EvalRow> withoutStrongest(Evaluation evaluation, LearnedConductor learned, TrainingConfig mainConfig, List<Task> train,
                                           List<Task> test) {
        if (evaluation.view().size() < 2) {
            return List.of();
        }
        String strongest = evaluation.ranking().best();
        List<String> others = evaluation.view().workerIds().stream().filter(w -> !w.equals(strongest)).toList();
        Evaluation without = evaluation.withWorkers(others);
        Pool rest = Pool.of(others.stream().map(loaded.pool()::get).toList());
        Checkpoint trainedWithout = trainer("without-" + strongest, mainConfig.withRandomizedPools(false), train, rest).train();
        List<Conductor> conductors = List.of(learned,
                conductor(trainedWithout, "learned (lambda=" + fmt(mainConfig.lambda()) + ", trained without it)", test));
        List<EvalRow> rows = new ArrayList<>();
        for (EvalRow row : without.evaluateConductors(Split.TEST, conductors).rows()) {
            rows.add(renamed(row, row.conductor() + " without " + strongest));
        }
        for (EvalRow row : without.evaluate(Split.TEST, List.of("best-solo")).rows()) {
            rows.add(renamed(row, row.conductor() + " without " + strongest));
        }
        return rows;
    }

    /** Mean of (learned - best single worker of the pool) over random small pools, one checkpoint. */
    private Finding anyPool(Evaluation evaluation, LearnedConductor learned) {
        SplittableRandom random = new SplittableRandom(POOL_SEED);
        List<String> all = evaluation.view().workerIds();
        double learnedSum = 0;
        double bestSum = 0;
        double learnedCost = 0;
        double bestCost = 0;
        double worstGap = Double.POSITIVE_INFINITY;
        for (int draw = 0; draw < POOL_DRAWS; draw++) {
            List<String> shuffled = new ArrayList<>(all);
            for (int i = shuffled.size() - 1; i > 0; i--) {
                java.util.Collections.swap(shuffled, i, random.nextInt(i + 1));
            }
            Evaluation small = evaluation.withWorkers(shuffled.subList(0, POOL_SIZE));
            EvalRow mineRow = small.evaluateConductors(Split.TEST, List.of(learned)).rows().getFirst();
            EvalRow bestRow = small.evaluate(Split.TEST, List.of("best-solo")).rows().getFirst();
            double mine = mineRow.accuracy();
            double best = bestRow.accuracy();
            learnedSum += mine;
            bestSum += best;
            learnedCost += mineRow.meanCostUsd();
            bestCost += bestRow.meanCostUsd();
            worstGap = Math.min(worstGap, mine - best);
        }
        return Finding.of("any pool", String.format(Locale.ROOT,
                "Over %d random %d-worker pools (seed %d), learned %.1f%% ($%.6f) against the best single worker of each pool "
                        + "(chosen on train) %.1f%% ($%.6f): %+.1f points on average, %+.1f in the worst pool.",
                POOL_DRAWS, POOL_SIZE, POOL_SEED, learnedSum / POOL_DRAWS, learnedCost / POOL_DRAWS,
                bestSum / POOL_DRAWS, bestCost / POOL_DRAWS, (learnedSum - bestSum) / POOL_DRAWS, worstGap));
    }

    /**
     * The chosen setting's seeds on validation (where the choice was made) and on test: a GRPO run settles on one of
     * several strategies, and the table shows the one validation picked.
     */
    private Finding seedSpread(Evaluation evaluation, List<ValidationChoice.Candidate> seeds, List<Task> test) {
        List<List<String>> rows = new ArrayList<>();
        for (ValidationChoice.Candidate c : seeds) {
            EvalRow row = evaluation.evaluateConductors(Split.TEST, List.of(conductor(c.checkpoint(), c.label(), test)))
                    .rows().getFirst();
            rows.add(List.of(Long.toString(c.checkpoint().config().seed()), String.format(Locale.ROOT, "%.1f", c.validation().accuracy()),
                    String.format(Locale.ROOT, "%.1f", row.accuracy()), String.format(Locale.ROOT, "%.2f", row.meanCalls())));
        }
        return new Finding("seeds of the chosen setting", String.format(Locale.ROOT, "The chosen setting trained with %d "
                + "seeds: a GRPO run settles on one of several strategies, and validation picks among them.", seeds.size()),
                new Finding.Table("Each seed", List.of("seed", "validation accuracy %", "test accuracy %", "test calls"), rows));
    }


    /** Names, per subject, the worker the conductor called most for it and that worker's share of calls. */
    private static Optional<Finding> subjects(java.util.Map<String, java.util.Map<String, Integer>> bySubject, String conductor) {
        if (bySubject.isEmpty()) {
            return Optional.empty();
        }
        List<List<String>> rows = new ArrayList<>();
        for (var subject : bySubject.entrySet()) {
            var top = subject.getValue().entrySet().iterator().next();
            int calls = subject.getValue().values().stream().mapToInt(Integer::intValue).sum();
            rows.add(List.of(subject.getKey(), top.getKey(), String.format(Locale.ROOT, "%.0f", 100.0 * top.getValue() / calls)));
        }
        return Optional.of(new Finding("who gets which subject", "The worker " + conductor + " called most for each subject on "
                + "the test split, and its share of that subject's calls.",
                new Finding.Table("Each subject", List.of("subject", "worker called most", "share of calls %"), rows)));
    }

    private static EvalRow renamed(EvalRow row, String name) {
        return new EvalRow(name, row.accuracy(), row.ciLow(), row.ciHigh(), row.meanCalls(), row.meanCostUsd(), row.meanTokens(),
                row.n(), row.workerCalls(), row.failed());
    }

    private static KnobPoint knob(String label, Checkpoint checkpoint, EvalRow row) {
        return new KnobPoint(label, checkpoint.config().lambda(), row.accuracy(), row.meanCostUsd(), row.meanCalls());
    }

    private static LearningCurve curve(String name, Checkpoint checkpoint) {
        return new LearningCurve(name, checkpoint.curve().stream()
                .map(p -> new dev.baton.eval.report.CurvePoint(p.iteration(), p.reward(), p.accuracy(), p.meanCostUsd(), p.meanCalls()))
                .toList());
    }

    private static String fmt(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.3g", value);
    }
}
