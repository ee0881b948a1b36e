package dev.baton.cli;

import dev.baton.eval.study.SweepSetting;
import dev.baton.eval.study.ValidationChoice;
import dev.baton.execute.Budget;
import dev.baton.execute.SpendingCap;
import dev.baton.input.InvalidSettingException;
import dev.baton.io.AtomicFiles;
import dev.baton.learn.role.RoleSet;
import dev.baton.learn.train.Checkpoint;
import dev.baton.learn.train.CheckpointFile;
import dev.baton.learn.train.CurvePoint;
import dev.baton.learn.train.GrpoTrainer;
import dev.baton.learn.train.TrainingConfig;
import dev.baton.learn.train.TrainingListener;
import dev.baton.offline.ReplayedBenchmark;
import dev.baton.pool.Pool;
import dev.baton.store.StoreBackend;
import dev.baton.task.Split;
import dev.baton.task.Task;
import dev.baton.wiring.LoadedPool;
import dev.baton.worker.Price;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code baton train}: train the compact conductor with GRPO on a benchmark's train split. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Train the compact learned conductor with GRPO on a benchmark's train split.",
            "",
            "Writes a self-describing checkpoint every --checkpoint-every iterations and at the end; running the same "
                + "command again resumes from it (a finished checkpoint is left as it is). The learning curve is saved "
                + "inside the checkpoint and as <out>.curve.csv. Evaluate it with: baton eval --conductor learned:<out>.",
            "",
            "On a live pool (--pool FILE) it first records the pool's answers to the train split, each worker asking each "
                + "question alone as baton record does, into <out>.recording.jsonl (<out> without its extension): it says "
                + "how many calls that takes at most and their worst-case cost, pays only for what the response cache in "
                + "--store lacks, and stops within --max-usd; then it trains on that recording.",
            "",
            "Accuracy first: without --usd-per-correct (or --lambda) it trains lambda = 1, 10 and 100, and lambda = 1 "
                + "held to 3 calls a question, on the train split less a validation quarter, and writes to --out the "
                + "cheapest whose validation accuracy reaches the pool's best single worker's (else the most accurate), "
                + "recording the choice and why in the checkpoint; the other runs stay beside it as <out>.lambda-X.json "
                + "(<out>.lambda-1-max-calls-3.json). On a measured context model (--context-model from baton context "
                + "fit) and without --answer-rule it also trains lambda = 1 and 10 under --answer-rule last-step "
                + "(<out>.lambda-1-last-step.json). With the knob it trains that one setting.",
            "",
            "Example:",
            "  baton train --bench gsm8k --out runs/gsm8k/checkpoint.json --usd-per-correct 0.1",
            ""})
final class TrainCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--bench", required = true, paramLabel = "NAME|PATH", description = "gsm8k, math-l5, mmlu-pro, or a JSONL(.gz) file with recorded responses.")
    String bench;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Checkpoint file to write (and resume from).")
    Path out;

    @Option(names = "--workers", paramLabel = "WORKER", split = ",", description = "Train with these workers only (default: the whole pool).")
    List<String> workers;

    @Option(names = "--roles", paramLabel = "FILE", description = "Roles file (YAML: roles: [{id, template}]). Default: the shipped data/roles.yaml.")
    Path roles;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
    boolean quiet;

    @Option(names = "--max-usd", paramLabel = "USD",
            description = "On a live pool: most USD recording its answers may spend (cached replies are free). If calls do not "
                    + "fit, nothing is trained; raise it and run the same command again.")
    Double maxUsd;

    @Mixin
    TrainingOptions training;

    @Mixin
    EncoderOptions encoderOptions;

    @Mixin
    PoolOptions poolOptions;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        var config = training.config(); // settings first: a bad flag is refused before anything is loaded
        if (!poolOptions.live() && maxUsd != null) {
            throw new InvalidSettingException("--max-usd is for a live pool (--pool FILE), whose answers train records first: "
                    + "the replay pool pays nothing");
        }
        Optional<SpendingCap> cap = Optional.ofNullable(maxUsd).map(usd -> new SpendingCap(Budget.requireUsd(usd, "--max-usd")));
        ReplayedBenchmark loaded;
        if (poolOptions.live()) {
            Optional<ReplayedBenchmark> recorded = recordLivePool(cap);
            if (recorded.isEmpty()) {
                return 1;
            }
            loaded = recorded.get();
        } else {
            loaded = poolOptions.load(bench);
        }
        Pool pool = workers == null ? loaded.pool() : Pool.of(loaded.pool().view(workers).workerIds().stream().map(loaded.pool()::get).toList());
        RoleSet roleSet = roles == null ? RoleSet.defaults() : RoleSet.read(roles);
        // Closed last, after the lock and the store, so that an interrupted run exits only once everything is saved.
        try (StopOnInterrupt interrupt = StopOnInterrupt.install()) {
            // Locked (and so proven writable) before training, not found unwritable after it.
            try (OutputLock lock = OutputLock.acquire(this.out);
                 EncoderOptions.Session session = encoderOptions.open()) {
                List<Task> train = Split.TRAIN.select(loaded.benchmark().name(), loaded.benchmark().tasks());
                if (training.costKnobGiven()) {
                    Run run = run(loaded, pool, train, roleSet, session, config, this.out,
                            TrainingProgress.label(SweepSetting.label(config, config), 0, 1), interrupt);
                    if (!run.checkpoint.finished()) {
                        return interrupted(err, run.checkpoint, config);
                    }
                    if (run.ran() == 0) {
                        out.printf(Locale.ROOT, "%s is already complete (%d of %d iterations): nothing was trained; "
                                + "raise --iterations to train on, or --out another file to start over%n", this.out,
                                run.checkpoint.iteration(), config.iterations());
                        return 0;
                    }
                    writeCurve(run.checkpoint.curve(), curveFile(this.out));
                    report(out, loaded, run.checkpoint, run.ran(), run.start.from, run.seconds, config);
                    return 0;
                }
                // Accuracy first: the cost penalty is chosen on validation questions of the train split. Each candidate
                // keeps its own checkpoint, so an interrupted sweep resumes where it stopped.
                if (java.nio.file.Files.exists(this.out)) {
                    CheckpointFile.read(this.out); // a damaged file there is reported, not silently replaced
                }
                ValidationChoice choice = new ValidationChoice(loaded, pool.view().workerIds(), session.encoder());
                List<ValidationChoice.Candidate> candidates = new ArrayList<>();
                int ran = 0;
                double seconds = 0;
                List<TrainingConfig> sweep = SweepSetting.runs(training.sweep(loaded.context()), config);
                for (TrainingConfig setting : sweep) {
                    String label = SweepSetting.label(setting, config);
                    Path file = this.out.resolveSibling(this.out.getFileName() + "." + SweepSetting.fileLabel(label) + ".json");
                    Run run = run(loaded, pool, choice.fit(), roleSet, session, setting, file,
                            TrainingProgress.label(label, candidates.size(), sweep.size()), interrupt);
                    if (!run.checkpoint.finished()) {
                        return interrupted(err, run.checkpoint, setting);
                    }
                    ran += run.ran();
                    seconds += run.seconds;
                    candidates.add(choice.candidate(label, run.checkpoint));
                }
                ValidationChoice.Choice chosen = choice.choose(candidates);
                Checkpoint checkpoint = chosen.chosen().checkpoint().withSelection(chosen.why());
                CheckpointFile.write(checkpoint, this.out);
                writeCurve(checkpoint.curve(), curveFile(this.out));
                out.println(chosen.why());
                out.printf(Locale.ROOT, "trained %s on %s: %d iterations over %d settings in %.1f s%s; chosen: %s%n",
                        this.out, loaded.benchmark().name(), ran, sweep.size(), seconds,
                        ran == 0 ? " (every candidate was already complete: nothing was trained)" : "",
                        SweepSetting.label(checkpoint.config(), config));
                out.println("learning curve: " + curveFile(this.out));
            }
        }
        return 0;
    }

    /** Records the live pool's answers to the train split that the cache lacks; empty when the cap left some out. */
    private Optional<ReplayedBenchmark> recordLivePool(Optional<SpendingCap> cap) {
        PrintWriter err = spec.commandLine().getErr();
        LoadedPool live = poolOptions.loadLive(BatonCommand.of(spec).env);
        Pool recorded = workers == null ? live.pool()
                : Pool.of(live.pool().view(workers).workerIds().stream().map(live.pool()::get).toList());
        TrainingRecording recording = new TrainingRecording(recorded, live, poolOptions.questions(bench),
                TrainingRecording.fileFor(this.out));
        err.println("live pool " + poolOptions.pool + ": recording " + recorded.size() + " workers on the "
                + recording.tasks().size() + " train questions of " + recording.benchmark().name() + ": "
                + recording.estimate(poolOptions).describe()
                + cap.map(c -> String.format(Locale.ROOT, "; --max-usd stops at $%.4f", c.maxUsd())).orElse(""));
        err.flush();
        try (StoreBackend store = encoderOptions.openStore()) {
            return recording.record(store, cap, poolOptions.contextModel, ProgressBar.forTerminal(err, quiet),
                    spec.commandLine().getOut(), err);
        }
    }

    /** One training run: its checkpoint, where it started and how long it took. */
    private record Run(Checkpoint checkpoint, StartPoint start, double seconds) {
        int ran() {
            return checkpoint.iteration() - start.from;
        }
    }

    private Run run(ReplayedBenchmark loaded, Pool pool, List<Task> tasks, RoleSet roleSet, EncoderOptions.Session session,
                    TrainingConfig config, Path file, String label, StopOnInterrupt interrupt) {
        PrintWriter err = spec.commandLine().getErr();
        StartPoint start = new StartPoint(TrainingProgress.forTerminal(err, quiet, label), spec.commandLine().getOut(), file);
        GrpoTrainer trainer = new GrpoTrainer(loaded.benchmark().name(), pool, tasks, session.encoder(), roleSet, config, file, start);
        interrupt.stopWith(trainer::requestStop);
        long began = System.nanoTime();
        Checkpoint checkpoint = trainer.train();
        return new Run(checkpoint, start, (System.nanoTime() - began) / 1e9);
    }

    private static int interrupted(PrintWriter err, Checkpoint checkpoint, TrainingConfig config) {
        ProgressBar.endLine(err);
        err.println(checkpoint.iteration() == 0
                ? "interrupted before the first iteration: nothing was saved"
                : String.format(Locale.ROOT, "interrupted: checkpoint kept at iteration %d of %d; rerun the same command to resume",
                        checkpoint.iteration(), config.iterations()));
        err.flush();
        return 130; // the shell's code for a run ended by Ctrl-C
    }

    private void report(PrintWriter out, ReplayedBenchmark loaded, Checkpoint checkpoint, int ran, int from, double seconds,
                        TrainingConfig config) {
        CurvePoint last = checkpoint.curve().getLast();
        out.printf(Locale.ROOT, "trained %s on %s (lambda=%s): %d iterations%s in %.1f s; last iteration: reward %.3f, accuracy %.1f%%, %s, %.2f calls%n",
                this.out, loaded.benchmark().name(), fmt(config.lambda()), ran,
                from == 0 ? "" : String.format(Locale.ROOT, " (%d to %d of %d)", from + 1, checkpoint.iteration(), config.iterations()),
                seconds, last.reward(), last.accuracy(), Price.usd(last.meanCostUsd()), last.meanCalls());
        out.println("learning curve: " + curveFile(this.out));
    }

    private static String fmt(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.3g", value);
    }

    /** Hears where training starts, says when it resumes, and passes the iterations on to the progress bar. */
    private static final class StartPoint implements TrainingListener {

        private final TrainingListener progress;
        private final PrintWriter out;
        private final Path file;
        int from;

        StartPoint(TrainingListener progress, PrintWriter out, Path file) {
            this.progress = progress;
            this.out = out;
            this.file = file;
        }

        @Override
        public void started(int fromIteration, int totalIterations) {
            from = fromIteration;
            if (fromIteration > 0 && fromIteration < totalIterations) {
                out.printf(Locale.ROOT, "resuming from iteration %d of %d (%s)%n", fromIteration, totalIterations, file);
                out.flush();
            }
        }

        @Override
        public void iterationDone(CurvePoint point, int totalIterations) {
            progress.iterationDone(point, totalIterations);
        }
    }

    static Path curveFile(Path checkpoint) {
        return checkpoint.resolveSibling(checkpoint.getFileName() + ".curve.csv");
    }

    /** Writes the curve as CSV, atomically like the checkpoint beside it: a reader never sees half a file. */
    static void writeCurve(List<CurvePoint> curve, Path file) throws IOException {
        StringBuilder csv = new StringBuilder("iteration,reward,accuracy,mean_cost_usd,mean_calls\n");
        for (CurvePoint p : curve) {
            csv.append(String.format(Locale.ROOT, "%d,%.6f,%.4f,%.8f,%.4f%n", p.iteration(), p.reward(), p.accuracy(), p.meanCostUsd(), p.meanCalls()));
        }
        AtomicFiles.write(file, csv.toString());
    }
}
