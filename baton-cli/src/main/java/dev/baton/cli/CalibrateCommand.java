package dev.baton.cli;

import dev.baton.execute.Budget;
import dev.baton.execute.SpendingCap;
import dev.baton.input.InvalidSettingException;
import dev.baton.input.UnknownNameException;
import dev.baton.learn.conductor.WorkerIndex;
import dev.baton.learn.train.Calibration;
import dev.baton.learn.train.Checkpoint;
import dev.baton.learn.train.CheckpointFile;
import dev.baton.offline.RecordedBenchmark;
import dev.baton.offline.ReplayedBenchmark;
import dev.baton.pool.Pool;
import dev.baton.store.StoreBackend;
import dev.baton.task.Task;
import dev.baton.wiring.LoadedPool;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code baton calibrate}: a new worker joins a trained conductor by measurement, without retraining. */
@Command(name = "calibrate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Add a worker to a trained checkpoint by measuring it, without a GRPO step.",
            "",
            "The learned conductor reads every worker through measured features: its prices, its accuracy alone overall "
                + "and per subject, and how often it gives the same wrong answer as each other worker. calibrate asks the "
                + "new worker --limit questions of --bench's train split (on a live pool through the same chain, response "
                + "cache and --max-usd cap as train; on the replay pool it reads the recorded answers), measures those "
                + "features there, and writes a checkpoint that plans over the new worker too. Its shared wrong answers "
                + "are measured against the checkpoint's workers whose answers the pool holds (the replay pool's); on a "
                + "live pool only the new worker is asked, and the prior 1/9 stands for them.",
            "",
            "Example:",
            "  baton calibrate --checkpoint runs/mmlu-pro.json --worker gpt-4o --bench mmlu-pro --limit 100",
            "  baton eval --bench mmlu-pro --conductor learned:runs/mmlu-pro.calibrated.json",
            ""})
final class CalibrateCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--checkpoint", required = true, paramLabel = "FILE", description = "The trained checkpoint (baton train's --out).")
    Path checkpoint;

    @Option(names = "--worker", required = true, paramLabel = "ID", description = "The worker to add: one of the pool's, not in the checkpoint.")
    String worker;

    @Option(names = "--bench", required = true, paramLabel = "NAME|PATH",
            description = "gsm8k, math-l5, mmlu-pro, or a JSONL(.gz) file: whose train questions measure the worker.")
    String bench;

    @Option(names = "--limit", paramLabel = "N", description = "Train questions to measure the worker on. Default: ${DEFAULT-VALUE}.")
    int limit = Calibration.DEFAULT_QUESTIONS;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Where the checkpoint with the worker goes. Default: beside --checkpoint, as <name>.calibrated.json.")
    Path out;

    @Option(names = "--max-usd", paramLabel = "USD",
            description = "On a live pool: most USD asking the worker may spend (cached replies are free). If calls do not fit, "
                    + "nothing is written; raise it and run the same command again.")
    Double maxUsd;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
    boolean quiet;

    @Mixin
    PoolOptions poolOptions;

    @Mixin
    EncoderOptions encoderOptions;

    @Override
    public Integer call() throws IOException {
        if (limit < 1) {
            throw new InvalidSettingException("--limit must be at least 1, got " + limit);
        }
        if (!poolOptions.live() && maxUsd != null) {
            throw new InvalidSettingException("--max-usd is for a live pool (--pool FILE): the replay pool pays nothing");
        }
        Checkpoint trained = CheckpointFile.read(checkpoint);
        if (trained.workers().workerIds().contains(worker)) {
            throw new InvalidSettingException("--worker " + worker + " is in " + checkpoint + " already: calibrate adds a worker the "
                    + "checkpoint was not trained with");
        }
        Path target = out != null ? out : fileFor(checkpoint);
        PrintWriter stdout = spec.commandLine().getOut();
        long began = System.nanoTime();
        Optional<Measuring> measuring = poolOptions.live() ? recordLive() : Optional.of(replayed());
        if (measuring.isEmpty()) {
            return 1;
        }
        Checkpoint joined = Calibration.join(trained, measuring.get().pool(), worker, measuring.get().tasks());
        try (OutputLock lock = OutputLock.acquire(target)) {
            CheckpointFile.write(joined, target);
        }
        describe(stdout, joined, measuring.get(), target, (System.nanoTime() - began) / 1e9);
        return 0;
    }

    /** Where the worker is measured: a pool holding its answers, and the questions, each with its subject. */
    private record Measuring(Pool pool, List<Task> tasks, String source) {
    }

    private Measuring replayed() {
        ReplayedBenchmark loaded = poolOptions.load(bench);
        requireInPool(loaded.pool());
        List<Task> tasks = Calibration.questions(loaded.benchmark().name(), loaded.benchmark().tasks(), limit);
        return new Measuring(loaded.pool(), tasks, "its recorded answers to " + tasks.size() + " train questions of "
                + loaded.benchmark().name() + " (replay pool)");
    }

    /** Asks the live worker what the response cache lacks, under the cap; empty, having said why, when the cap left calls out. */
    private Optional<Measuring> recordLive() {
        PrintWriter err = spec.commandLine().getErr();
        LoadedPool live = poolOptions.loadLive(BatonCommand.of(spec).env);
        requireInPool(live.pool());
        RecordedBenchmark questions = poolOptions.questions(bench);
        List<Task> tasks = Calibration.questions(questions.name(), questions.tasks(), limit);
        Optional<SpendingCap> cap = Optional.ofNullable(maxUsd).map(usd -> new SpendingCap(Budget.requireUsd(usd, "--max-usd")));
        TrainingRecording recording = new TrainingRecording(Pool.of(List.of(live.pool().get(worker))), live,
                new RecordedBenchmark(questions.name(), tasks, Map.of(), List.of()), recordingFor(out != null ? out : fileFor(checkpoint), worker));
        err.println("live pool " + poolOptions.pool + ": asking " + worker + " " + tasks.size() + " train questions of "
                + questions.name() + ": " + recording.estimate(poolOptions).describe()
                + cap.map(c -> String.format(Locale.ROOT, "; --max-usd stops at $%.4f", c.maxUsd())).orElse(""));
        err.flush();
        try (StoreBackend store = encoderOptions.openStore()) {
            // The recording's own tasks lose their subjects; the questions asked keep them, under the same ids.
            return recording.record(store, cap, poolOptions.contextModel, ProgressBar.forTerminal(err, quiet), spec.commandLine().getOut(), err)
                    .map(recorded -> new Measuring(recorded.pool(), tasks, "its answers to " + tasks.size() + " train questions of "
                            + questions.name() + ", recorded in " + recording.recording()));
        }
    }

    private void requireInPool(Pool pool) {
        if (pool.find(worker).isEmpty()) {
            throw new UnknownNameException("--worker " + worker + " is not in the pool " + poolOptions.pool + " (its workers: "
                    + String.join(", ", pool.ids()) + ")");
        }
    }

    /** Says what was measured: the features the policy reads for the worker, and where it stands among the others. */
    private void describe(PrintWriter stdout, Checkpoint joined, Measuring measuring, Path target, double seconds) {
        WorkerIndex workers = joined.workers();
        int at = workers.size() - 1;
        float[] overall = new float[at];
        for (int i = 0; i < at; i++) {
            overall[i] = workers.descriptors()[i][2];
        }
        int leader = argmax(overall);
        stdout.printf(Locale.ROOT, "calibrated %s from %s in %.1f s: accuracy alone %.1f%% (the checkpoint's best: %s %.1f%%)%n",
                worker, measuring.source(), seconds, 100 * workers.descriptors()[at][2], workers.workerId(leader), 100 * overall[leader]);
        workers.byCategory().forEach((category, accuracy) -> {
            float[] others = java.util.Arrays.copyOf(accuracy, at);
            int best = argmax(others);
            stdout.printf(Locale.ROOT, "  %s: %.1f%% (best before: %s %.1f%%)%s%n", category, 100 * accuracy[at], workers.workerId(best),
                    100 * others[best], accuracy[at] > others[best] ? " <- now the best" : "");
        });
        if (workers.sameWrong().length > 0) {
            float[] shared = java.util.Arrays.copyOf(workers.sameWrong()[at], at);
            int closest = argmax(shared);
            stdout.printf(Locale.ROOT, "  shares wrong answers most with %s (%.0f%% of the questions both got wrong)%n",
                    workers.workerId(closest), 100 * shared[closest]);
        }
        stdout.println("wrote " + target + " (" + workers.size() + " workers; no training step): use it with --conductor learned:" + target);
        stdout.flush();
    }

    private static int argmax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    /**
     * Returns where a live worker's answers are recorded for checkpoint {@code target}: {@code runs/ck.calibrated.json}
     * and gpt-4o to {@code runs/ck.calibrated.gpt-4o.recording.jsonl}, apart from the recording {@code train --pool}
     * keeps for {@code runs/ck.json}.
     */
    static Path recordingFor(Path target, String worker) {
        String name = target.getFileName().toString();
        String stem = name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
        return target.resolveSibling(stem + "." + worker.replaceAll("[^A-Za-z0-9._-]", "_") + ".recording.jsonl");
    }

    /** Returns where the calibrated checkpoint goes by default: {@code runs/ck.json} to {@code runs/ck.calibrated.json}. */
    static Path fileFor(Path checkpoint) {
        String name = checkpoint.getFileName().toString();
        String stem = name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
        return checkpoint.resolveSibling(stem + ".calibrated.json");
    }
}
