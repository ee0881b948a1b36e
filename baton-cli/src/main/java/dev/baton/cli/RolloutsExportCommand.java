package dev.baton.cli;

import dev.baton.conduct.lm.LmPrompt;
import dev.baton.input.InvalidSettingException;
import dev.baton.offline.Benchmarks;
import dev.baton.offline.RecordedBenchmark;
import dev.baton.task.AnswerType;
import dev.baton.task.Split;
import dev.baton.task.Task;
import dev.baton.wiring.LoadedPool;
import dev.baton.wiring.RolloutExport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code baton rollouts export}: the LM conductor's prompt for every task of a split, as JSONL for a trainer. */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Write one JSON line per task of a benchmark split: id, question, the LM conductor's full prompt for it "
                + "(messages, exactly as lm:<worker> sends them, the pool shown as numbered models), gold and answer_type.",
            "",
            "A trainer samples workflows from the messages and posts each reply to POST /v1/rewards of baton serve over "
                + "the same --pool and --bench, which numbers the models the same way.",
            "",
            "Example: baton rollouts export --bench gsm8k --split train --out runs/gsm8k-train.jsonl",
            ""})
final class RolloutsExportCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    LivePoolOptions poolOptions;

    @Option(names = "--bench", required = true, paramLabel = "NAME|PATH",
            description = "gsm8k, math-l5, mmlu-pro, or a JSONL(.gz) file of questions (id, question, gold, [answer_type]).")
    String bench;

    @Option(names = "--split", defaultValue = "train", paramLabel = "SPLIT",
            description = "train, test or all. Default: ${DEFAULT-VALUE}.")
    String split;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where the prompts go (JSONL).")
    Path out;

    @Option(names = "--limit", paramLabel = "N", description = "Only the first N tasks of the split.")
    Integer limit;

    @Option(names = "--answer-type", paramLabel = "TYPE",
            description = "Answer type for records of a --bench file that have no answer_type: number, math, choice or text.")
    String answerType;

    @Option(names = "--prompt", paramLabel = "FILE",
            description = "Another LM conductor prompt file (sections as the shipped lm-conductor/prompt.txt); the serving "
                    + "conductor should be given the same one.")
    Path prompt;

    @Option(names = "--examples", paramLabel = "FILE", description = "Another file of example workflows for --prompt.")
    Path examples;

    @Override
    public Integer call() {
        if (limit != null && limit < 1) {
            throw new InvalidSettingException("--limit must be at least 1, got " + limit);
        }
        if (examples != null && prompt == null) {
            throw new InvalidSettingException("--examples goes with --prompt");
        }
        Optional<AnswerType> type = Optional.ofNullable(answerType).map(AnswerType::parse);
        Split chosen = Split.parse(split);
        LoadedPool loaded = poolOptions.load(bench, type, BatonCommand.of(spec).env);
        RecordedBenchmark benchmark = loaded.replay().map(r -> r.benchmark()).orElseGet(() -> Benchmarks.load(bench, type));
        List<Task> tasks = chosen.select(benchmark.name(), benchmark.tasks());
        if (limit != null && limit < tasks.size()) {
            tasks = tasks.subList(0, limit);
        }
        LmPrompt words = prompt == null ? LmPrompt.builtIn()
                : examples == null ? LmPrompt.load(prompt) : LmPrompt.load(prompt, examples);
        new RolloutExport(loaded.pool(), loaded.pool().view(), words).write(benchmark.name(), tasks, out);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("wrote " + tasks.size() + " prompts (" + benchmark.name() + ", " + chosen.id() + " split, "
                + loaded.pool().size() + " models) to " + out);
        stdout.flush();
        return 0;
    }
}
