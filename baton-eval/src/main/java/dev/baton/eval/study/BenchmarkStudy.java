package dev.baton.eval.study;

import dev.baton.conduct.Conductor;
import dev.baton.eval.EvalReport;
import dev.baton.eval.EvalRow;
import dev.baton.eval.Evaluation;
import dev.baton.eval.ProgressListener;
import dev.baton.eval.report.BenchmarkSection;
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
 * BenchmarkStudy.Result result = new BenchmarkStudy(replayed, encoder, TrainingConfig.defaults(), Path.of("runs/x"),
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
    private final Path dir;
    private final ProgressListener progress;
    private final Function<String, TrainingListener> trainingProgress;
    private final List<String> findings = new ArrayList<>();
    private final List<LearnedConductor> opened = new ArrayList<>();

    /**
     * @param loaded           the benchmark and its replay pool
     * @param encoder          the question encoder every checkpoint is trained with
     * @param config           the main run's training settings; the controls derive from it
     * @param dir              where checkpoints are written (one folder per benchmark)
     * @param progress         hears about evaluation progress
     * @param trainingProgress makes a listener for each training run, given its label
     */
    public BenchmarkStudy(ReplayedBenchmark loaded, QuestionEncoder encoder, TrainingConfig config, Path dir, ProgressListener progress,
                   Function<String, TrainingListener> trainingProgress) {
        this.loaded = loaded;
        this.encoder = encoder;
        this.config = config;
        this.dir = dir;
        this.progress = progress;
        this.trainingProgress = trainingProgress;
    }

    /**
     * What the study found.
     *
     * @param section  the report section: table, curves, cost knob, usage, examples
     * @param findings one-line findings for the notes (training time, seeds, any pool, learning is real)
     */
    public record Result(BenchmarkSection section, List<String> findings) {
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
            List<TrainingConfig> runs = SweepSetting.runs(SweepSetting.DEFAULT, config);
            for (TrainingConfig settings : runs) {
                String label = SweepSetting.label(settings, config);
                Checkpoint trained = train(SweepSetting.fileLabel(label), settings, fit);
                if (sweep.isEmpty()) {
                    findings.add(String.format(Locale.ROOT, "%s: one training run (%d x %d x %d rollouts, %s) took %.1f s",
                            name, config.iterations(), config.questions(), config.rollouts(), label,
                            (System.nanoTime() - start) / 1e9));
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
            findings.add(name + ", default: " + chosen.why());
            TrainingConfig mainConfig = main.config();

            Checkpoint control = train("control", config.withShuffledRewards(true), fit);
            Checkpoint routing = train("routing", mainConfig.routingOnly(), fit);
            Checkpoint untrained = trainer("untrained", config, fit).initial();

            String headline = "learned (default: " + SweepSetting.label(mainConfig, config) + ", seed " + mainConfig.seed()
                    + ", chosen on validation)";
            LearnedConductor learned = conductor(main, headline, test);
            List<Conductor> rows = new ArrayList<>(List.of(learned,
                    conductor(routing, "learned: routing alone (1 step, recorded answers only, lambda=" + fmt(mainConfig.lambda()) + ")", test)));
            int sweepAt = rows.size();
            for (ValidationChoice.Candidate c : sweep) {
                rows.add(conductor(c.checkpoint(), "learned (" + c.label() + ")", test));
            }
            int controlsAt = rows.size();
            rows.add(conductor(untrained, "learned: untrained policy", test));
            rows.add(conductor(control, "learned: shuffled-reward control (lambda=" + fmt(config.lambda()) + ")", test));
            List<EvalRow> table = new ArrayList<>(evaluation.evaluate(Split.TEST, BASELINES).rows());
            LearnedUsage usage = new LearnedUsage(learned.name());
            List<EvalRow> learnedRows = evaluation.evaluateConductors(Split.TEST, rows, usage).rows();
            table.addAll(learnedRows);
            EvalRow bestSolo = table.stream().filter(r -> r.conductor().startsWith("best-solo")).findFirst().orElseThrow();
            findings.add(defaultVersusBest(name, chosen, learnedRows.get(0), bestSolo));
            findings.add(contextModel(name, learnedRows.get(0), learnedRows.get(1), loaded.context()));
            seedSpread(evaluation, seeds, test);
            // The configured run is one of the sweep's (factor 1, no cap of its own): its controls are trained at it.
            int mainAt = sweepAt + runs.indexOf(config);
            if (mainAt < sweepAt) {
                throw new IllegalStateException("the sweep lacks the configured run");
            }
            findings.add(new LearningVerdict(config.lambda(), learnedRows.get(mainAt), learnedRows.get(controlsAt),
                    learnedRows.get(controlsAt + 1)).describe(name));
            table.addAll(withoutStrongest(evaluation, learned, mainConfig, fit, test));
            anyPool(evaluation, learned);

            List<KnobPoint> knob = new ArrayList<>();
            for (int i = 0; i < sweep.size(); i++) {
                knob.add(knob(sweep.get(i).label(), sweep.get(i).checkpoint(), learnedRows.get(sweepAt + i)));
            }
            // The default is a learned setting too, chosen without test; when validation picked another seed than the
            // sweep's, it is a point of the frontier of its own.
            if (!sweep.contains(chosen.chosen())) {
                knob.add(knob("default: " + chosen.chosen().label(), main, learnedRows.get(0)));
            }
            LearnedUsage.Summary used = usage.summarize(test, loaded.pool());
            subjects(usage.workersBySubject(test), learned.name()).ifPresent(findings::add);
            EvalReport report = new EvalReport(name, "replay", Split.TEST.id(), table, loaded.notes());
            BenchmarkSection section = new BenchmarkSection(report,
                    List.of(curve("trained (default)", main), curve("shuffled-reward control", control)),
                    knob, used.workers(), used.roles(), used.examples());
            return new Result(section, List.copyOf(findings));
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
    private static String defaultVersusBest(String name, ValidationChoice.Choice chosen, EvalRow mine, EvalRow best) {
        return String.format(Locale.ROOT, "%s, default on test: %.1f%% at %.2f calls ($%.6f) vs best-solo %.1f%% ($%.6f): %+.1f points%s",
                name, mine.accuracy(), mine.meanCalls(), mine.meanCostUsd(), best.accuracy(), best.meanCostUsd(),
                mine.accuracy() - best.accuracy(),
                chosen.reachesBar() ? "" : " (no learned setting reached the best single worker on validation: use best-solo)");
    }

    /** Makes the default's reliance on the replay pool's context model visible, and which model that is. */
    private static String contextModel(String name, EvalRow mine, EvalRow routing, ContextModel context) {
        String model = context.isMeasured()
                ? "the context model measured in " + context.source() + " (recorded reviews replayed where a step sees what one "
                        + "saw, each worker's measured p_follow and p_keep elsewhere): it never invents a new answer"
                : "the replay pool's context model, assumed in " + context.source() + ", which assumes a worker shown others' "
                        + "answers adopts one two of them agree on (p_follow) or keeps its own (p_keep): it never invents a new "
                        + "answer, so a weak last step can inherit a right answer; live models need not behave so";
        return String.format(Locale.ROOT, "%s, context model: the default %.1f%% (%.2f calls) vs routing alone %.1f%% (1 call, "
                        + "recorded answers only). Steps that see earlier steps answer by %s, and the routing-alone row is the "
                        + "figure that does not rest on it",
                name, mine.accuracy(), mine.meanCalls(), routing.accuracy(), model);
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
    private void anyPool(Evaluation evaluation, LearnedConductor learned) {
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
        findings.add(String.format(Locale.ROOT,
                "%s, any pool: over %d random %d-worker pools (seed %d), learned %.1f%% ($%.6f) vs best single worker of the "
                        + "pool (chosen on train) %.1f%% ($%.6f): mean difference %+.1f points (worst pool %+.1f)",
                loaded.benchmark().name(), POOL_DRAWS, POOL_SIZE, POOL_SEED, learnedSum / POOL_DRAWS, learnedCost / POOL_DRAWS,
                bestSum / POOL_DRAWS, bestCost / POOL_DRAWS, (learnedSum - bestSum) / POOL_DRAWS, worstGap));
    }

    /**
     * The chosen setting's seeds on validation (where the choice was made) and on test: a GRPO run settles on one of
     * several strategies, and the table shows the one validation picked.
     */
    private void seedSpread(Evaluation evaluation, List<ValidationChoice.Candidate> seeds, List<Task> test) {
        List<String> parts = new ArrayList<>();
        for (ValidationChoice.Candidate c : seeds) {
            EvalRow row = evaluation.evaluateConductors(Split.TEST, List.of(conductor(c.checkpoint(), c.label(), test)))
                    .rows().getFirst();
            parts.add(String.format(Locale.ROOT, "seed %d %.1f%% / %.1f%% / %.2f calls", c.checkpoint().config().seed(),
                    c.validation().accuracy(), row.accuracy(), row.meanCalls()));
        }
        findings.add(loaded.benchmark().name() + ", seeds of the chosen setting (validation / test accuracy / test calls): "
                + String.join("; ", parts));
    }


    /** One line naming, per subject, the worker the conductor called most for it and that worker's share of calls. */
    private Optional<String> subjects(java.util.Map<String, java.util.Map<String, Integer>> bySubject, String conductor) {
        if (bySubject.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder line = new StringBuilder(loaded.benchmark().name() + ", who gets which subject (" + conductor
                + ", test calls): ");
        String separator = "";
        for (var subject : bySubject.entrySet()) {
            var top = subject.getValue().entrySet().iterator().next();
            int calls = subject.getValue().values().stream().mapToInt(Integer::intValue).sum();
            line.append(separator).append(String.format(Locale.ROOT, "%s -> %s (%.0f%%)", subject.getKey(), top.getKey(),
                    100.0 * top.getValue() / calls));
            separator = "; ";
        }
        return Optional.of(line.toString());
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
