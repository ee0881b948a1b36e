package dev.baton.cli;

import dev.baton.client.LoadedPool;
import dev.baton.client.Recorder;
import dev.baton.execute.Interceptor;
import dev.baton.execute.SpendingCap;
import dev.baton.input.InvalidSettingException;
import dev.baton.offline.Benchmarks;
import dev.baton.offline.RecordedBenchmark;
import dev.baton.store.StoreBackend;
import dev.baton.task.AnswerType;
import dev.baton.task.Split;
import dev.baton.task.Task;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code baton record}: a pool's answers to a benchmark, as a benchmark file to train and evaluate on. */
@Command(name = "record", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Record a pool's answers: ask every worker every question, write them as a benchmark file to train on.",
            "",
            "Each worker answers each question alone, exactly as the replay pool's first step asks. The output is a "
                + "JSONL benchmark in the shipped schema, with the tokens each provider billed, which train and eval read as "
                + "they read gsm8k; the recording is a benchmark of its own, and its file name fixes its train/test split. "
                + "Every reply lands in the response cache first: kill a recording and run the same command again, and "
                + "nothing is lost or paid twice. --max-usd is never exceeded: each call reserves its worst case first.",
            "",
            "Your own questions: a JSONL file of {\"id\", \"question\", \"gold\", \"answer_type\"} as --bench.",
            "",
            "Example:",
            "  baton record --pool pool.yaml --bench gsm8k --limit 200 --max-usd 2 \\",
            "      --out runs/my-gsm8k.jsonl",
            ""})
final class RecordCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    LivePoolOptions poolOptions;

    @Option(names = "--bench", required = true, paramLabel = "NAME|PATH",
            description = "gsm8k, math-l5, mmlu-pro, or a JSONL(.gz) file of questions (id, question, gold, [answer_type]).")
    String bench;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where the recording goes (JSONL).")
    Path out;

    @Option(names = "--split", defaultValue = "all", paramLabel = "SPLIT",
            description = "Which questions of --bench: train, test or all. Default: ${DEFAULT-VALUE}.")
    String split;

    @Option(names = "--limit", paramLabel = "N", description = "Only the first N questions of the split.")
    Integer limit;

    @Option(names = "--max-usd", paramLabel = "USD",
            description = "Most USD the whole recording may spend (cached replies are free); calls that do not fit are left out.")
    Double maxUsd;

    @Option(names = "--parallel", defaultValue = "4", paramLabel = "N",
            description = "Calls in flight at once (each worker also keeps to its own concurrency). Default: ${DEFAULT-VALUE}.")
    int parallel;

    @Option(names = "--answer-type", paramLabel = "TYPE",
            description = "Answer type for records of a --bench file that have no answer_type: number, math, choice or text.")
    String answerType;

    @Mixin
    EncoderOptions storeOptions;

    @Mixin
    ReportOptions reportOptions;

    @Override
    public Integer call() {
        if (parallel < 1 || parallel > 256) {
            throw new InvalidSettingException("--parallel must be between 1 and 256, got " + parallel);
        }
        if (limit != null && limit < 1) {
            throw new InvalidSettingException("--limit must be at least 1, got " + limit);
        }
        Optional<SpendingCap> cap = Optional.ofNullable(maxUsd).map(usd -> {
            if (!(usd > 0) || usd.isInfinite()) {
                throw new InvalidSettingException("--max-usd must be a positive number, got " + usd);
            }
            return new SpendingCap(usd);
        });
        Optional<AnswerType> type = Optional.ofNullable(answerType).map(AnswerType::parse);
        RecordedBenchmark benchmark = Benchmarks.load(bench, type);
        List<Task> tasks = Split.parse(split).select(benchmark.name(), benchmark.tasks());
        if (limit != null && limit < tasks.size()) {
            tasks = tasks.subList(0, limit);
        }
        LoadedPool loaded = poolOptions.load(bench, type, BatonCommand.of(spec).env);
        PrintWriter stdout = spec.commandLine().getOut();
        try (StoreBackend store = storeOptions.openStore()) {
            Recorder recorder = new Recorder(loaded.pool(),
                    poolOptions.executor(loaded, store, cap.stream().toArray(Interceptor[]::new)), parallel,
                    reportOptions.progress(spec.commandLine().getErr()));
            Recorder.Summary summary = recorder.record(tasks, out);
            stdout.println("recorded " + loaded.pool().size() + " workers on " + tasks.size() + " questions of "
                    + benchmark.name() + " into " + out);
            stdout.println(summary.describe());
            stdout.println("prices: " + Recorder.pricesOf(out) + "; train on it with: baton train --bench " + out + " --prices "
                    + Recorder.pricesOf(out) + " --out <checkpoint>");
            if (summary.skipped() > 0) {
                stdout.println("the spending cap left " + summary.skipped() + " calls out; raise --max-usd and run again to add them");
            }
            if (summary.failed() > 0) {
                stdout.println(summary.failed() + " calls failed and are left out; run again to retry them (answered ones come from "
                        + "the cache)");
            }
        }
        stdout.flush();
        return 0;
    }
}
