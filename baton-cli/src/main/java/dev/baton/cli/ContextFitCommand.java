package dev.baton.cli;

import dev.baton.input.BadInputException;
import dev.baton.io.AtomicFiles;
import dev.baton.offline.Benchmarks;
import dev.baton.offline.ContextFit;
import dev.baton.offline.ContextModel;
import dev.baton.offline.OfflineConfig;
import dev.baton.offline.RecordedBenchmark;
import dev.baton.task.AnswerType;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code baton context fit}: the context model measured from a recording's reviews. */
@Command(name = "fit", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Measure how each worker answers when it sees others, from the reviews a recording holds, and write it as a context model.",
            "",
            "BENCH is a recording made with baton record --reviews K. Every answer is graded with the benchmark's grader. Per "
                + "worker it prints how often it keeps its own right answer and its own wrong answer (out of reviews where a "
                + "peer it saw answered otherwise), adopts an answer two or more peers agreed on (right / wrong), adopts one "
                + "of disagreeing peers' answers (right / wrong), and gives an answer neither it nor a peer gave (right / "
                + "wrong), each with its count, its occasions and a 95% Wilson interval.",
            "",
            "The file it writes keeps the shipped model's format (p_follow, p_keep, seed) and adds each worker's measured "
                + "p_follow and p_keep under workers (and per question category, where tasks carry one); give it to train, "
                + "eval or demo with --context-model FILE. There, a step "
                + "that sees exactly the peers a recorded review saw replays that review; other steps draw from the worker's "
                + "measured rates; a worker or rate nothing measured keeps the assumed one.",
            "",
            "Example:",
            "  baton record --pool pool.yaml --bench gsm8k --limit 200 --reviews 2 --out runs/mine.jsonl",
            "  baton context fit runs/mine.jsonl            # writes runs/mine.context-model.yaml",
            "  baton eval --bench runs/mine.jsonl --context-model runs/mine.context-model.yaml --conductor moa:top3",
            ""})
final class ContextFitCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BENCH", description = "A recording with reviews (baton record --reviews K).")
    String bench;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Where the context model goes (YAML). Default: beside BENCH, as <name>.context-model.yaml.")
    Path out;

    @Option(names = "--context-model", paramLabel = "FILE",
            description = "The assumed model whose rates stand where none was measured. Default: the shipped data/context-model.yaml.")
    Path assumed;

    @Option(names = "--answer-type", paramLabel = "TYPE",
            description = "Answer type for records of BENCH that have no answer_type: number, math, choice or text.")
    String answerType;

    @Override
    public Integer call() throws IOException {
        RecordedBenchmark benchmark = Benchmarks.load(bench, Optional.ofNullable(answerType).map(AnswerType::parse));
        if (benchmark.reviewCount() == 0) {
            throw new BadInputException(bench + " holds no recorded reviews: record them with baton record --pool FILE --bench Q "
                    + "--reviews 2 --out FILE, then fit that file");
        }
        Path target = out != null ? out : fileFor(Path.of(bench));
        ContextFit fit = ContextFit.of(benchmark, bench);
        ContextModel model = fit.model(OfflineConfig.contextModel(assumed), target.toString());
        AtomicFiles.write(target, model.toYaml("The context model measured by baton context fit from the "
                + benchmark.reviewCount() + " reviews of " + bench + ".\nPer worker: p_follow, how often it adopted an answer "
                + "two or more peers it saw agreed on; p_keep, how often it kept its own\nanswer when the peers differed and "
                + "agreed on none (p_keep_right, p_keep_wrong: its own right, wrong);\np_correct, how often it gave the right answer "
                + "where it and all it saw were wrong;\nby_category: the same, measured on each question category's reviews alone "
                + "(the replay draws a\ncategory's rate where measured, else the worker's).\nThe top-level rates are the assumed ones, for "
                + "workers or rates not measured.")
                .getBytes(StandardCharsets.UTF_8));
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("context fit of " + bench + ": " + benchmark.reviewCount() + " reviews by " + fit.workers().size()
                + " workers, answers graded with the benchmark's grader");
        stdout.println();
        stdout.print(table(fit));
        stdout.println();
        stdout.println("- " + model.describe());
        stdout.println("wrote " + target + "; use it with --context-model " + target + " (train, eval, demo)");
        stdout.flush();
        return 0;
    }

    /** Returns where the model of recording {@code bench} goes by default: {@code runs/mine.jsonl} to {@code runs/mine.context-model.yaml}. */
    static Path fileFor(Path bench) {
        String name = bench.getFileName().toString();
        int dot = name.indexOf('.');
        return bench.resolveSibling((dot < 0 ? name : name.substring(0, dot)) + ".context-model.yaml");
    }

    private static String table(ContextFit fit) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"worker", "behaviour", "count", "%", "95% CI"});
        for (ContextFit.WorkerFit worker : fit.workers()) {
            String name = worker.worker();
            for (ContextFit.Behaviour behaviour : ContextFit.Behaviour.values()) {
                rows.add(row(name, behaviour.label(), worker.counts().get(behaviour)));
                name = "";
            }
            rows.add(row("", "p_follow: adopts an agreed answer", worker.follow()));
            rows.add(row("", "p_keep: keeps its own, peers split", worker.keep()));
            rows.add(row("", "p_keep_right: the same, its own right", worker.keepRight()));
            rows.add(row("", "p_keep_wrong: the same, its own wrong", worker.keepWrong()));
            worker.byCategory().forEach((category, in) -> {
                rows.add(row("", "p_follow in " + category, in.follow()));
                rows.add(row("", "p_keep_right in " + category, in.keepRight()));
                rows.add(row("", "p_keep_wrong in " + category, in.keepWrong()));
                rows.add(row("", "p_correct in " + category, in.counts().get(ContextFit.Behaviour.CORRECTS)));
            });
        }
        int[] widths = new int[5];
        rows.forEach(row -> {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        });
        StringBuilder table = new StringBuilder();
        for (String[] row : rows) {
            table.append(String.format(Locale.ROOT, "%-" + widths[0] + "s  %-" + widths[1] + "s  %" + widths[2] + "s  %"
                    + widths[3] + "s  %" + widths[4] + "s", (Object[]) row).stripTrailing()).append('\n');
        }
        return table.toString();
    }

    private static String[] row(String worker, String label, ContextFit.Proportion proportion) {
        if (proportion.occasions() == 0) {
            return new String[] {worker, label, "0 / 0", "-", "-"};
        }
        return new String[] {worker, label, proportion.count() + " / " + proportion.occasions(),
                String.format(Locale.ROOT, "%.1f", 100 * proportion.rate().getAsDouble()),
                String.format(Locale.ROOT, "%.1f-%.1f", 100 * proportion.low(), 100 * proportion.high())};
    }
}
