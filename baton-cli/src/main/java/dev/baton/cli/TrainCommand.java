package dev.baton.cli;

import dev.baton.io.AtomicFiles;
import dev.baton.learn.role.RoleSet;
import dev.baton.learn.train.Checkpoint;
import dev.baton.learn.train.CurvePoint;
import dev.baton.learn.train.GrpoTrainer;
import dev.baton.offline.ReplayedBenchmark;
import dev.baton.pool.Pool;
import dev.baton.task.Split;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
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
            "Example: baton train --bench gsm8k --out runs/gsm8k/checkpoint.json --lambda 10",
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

    @Mixin
    TrainingOptions training;

    @Mixin
    EncoderOptions encoderOptions;

    @Mixin
    PoolOptions poolOptions;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        var config = training.config(); // settings first: a bad flag is refused before anything is loaded
        ReplayedBenchmark loaded = poolOptions.load(bench);
        Pool pool = workers == null ? loaded.pool() : Pool.of(loaded.pool().view(workers).workerIds().stream().map(loaded.pool()::get).toList());
        RoleSet roleSet = roles == null ? RoleSet.defaults() : RoleSet.read(roles);
        // Locked (and so proven writable) before training, not found unwritable after it.
        try (OutputLock lock = OutputLock.acquire(this.out);
             EncoderOptions.Session session = encoderOptions.open()) {
            {
                GrpoTrainer trainer = new GrpoTrainer(loaded.benchmark().name(), pool,
                        Split.TRAIN.select(loaded.benchmark().name(), loaded.benchmark().tasks()), session.encoder(), roleSet, config, this.out,
                        TrainingProgress.forTerminal(spec.commandLine().getErr(), quiet, "training"));
                long start = System.nanoTime();
                Checkpoint checkpoint = trainer.train();
                writeCurve(checkpoint.curve(), curveFile(this.out));
                CurvePoint last = checkpoint.curve().isEmpty() ? null : checkpoint.curve().getLast();
                out.printf(Locale.ROOT, "trained %s on %s: %d iterations in %.1f s%s%n", this.out, loaded.benchmark().name(),
                        checkpoint.iteration(), (System.nanoTime() - start) / 1e9,
                        last == null ? "" : String.format(Locale.ROOT, "; last iteration: reward %.3f, accuracy %.1f%%, $%.6f, %.2f calls",
                                last.reward(), last.accuracy(), last.meanCostUsd(), last.meanCalls()));
                out.println("learning curve: " + curveFile(this.out));
            }
        }
        return 0;
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
