package dev.baton.cli;

import dev.baton.eval.EvalReport;
import dev.baton.eval.report.BenchmarkSection;
import dev.baton.eval.report.Finding;
import dev.baton.eval.study.BenchmarkStudy;
import dev.baton.eval.report.RunReport;
import dev.baton.eval.report.RunReportWriter;
import dev.baton.learn.train.TrainingConfig;
import dev.baton.offline.Benchmarks;
import dev.baton.task.Split;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code baton demo}: the offline story end to end, no key, no network. */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Run the offline demo: train, evaluate and report on GSM8K, MATH level 5 and MMLU-Pro, no API key needed.",
            "",
            "Over the replay pools of real models' recorded answers (28 models on GSM8K and MATH, 13 on MMLU-Pro): trains the learned conductor on each train split "
                + "at cost penalties 1, 10 and 100 (x --lambda/10) and at 1 held to 3 calls a question, picks the default "
                + "on a validation part of train (the "
                + "cheapest that reaches the best single worker there; accuracy first), adds its controls (untrained, "
                + "shuffled rewards, routing alone), evaluates everything "
                + "on the test split against every baseline, prints the tables and writes a report (report.json, report.md, "
                + "report.html with charts) under runs/<timestamp>/. A few minutes on a 2-core laptop (7.7 min measured on a quiet "
                + "2-core machine with the question embeddings already cached); --baselines-only skips "
                + "training (seconds).",
            ""})
final class DemoCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write the run (default: runs/<UTC timestamp>).")
    Path out;

    @Option(names = "--baselines-only", description = "Only evaluate the baselines; no training, no report files.")
    boolean baselinesOnly;

    @Option(names = "--bench", paramLabel = "NAME", split = ",",
            description = "Only these built-in benchmarks, in this order (default: gsm8k,math-l5,mmlu-pro).")
    List<String> benchmarks;

    @Mixin
    ReportOptions reportOptions;

    @Mixin
    TrainingOptions training;

    @Mixin
    EncoderOptions encoderOptions;

    @Mixin
    PoolOptions poolOptions;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        reportOptions.width(); // a bad --width is refused before any work starts
        PrintWriter err = spec.commandLine().getErr();
        List<String> chosen = benchmarks();
        List<EvalReport> reports = new ArrayList<>();
        if (baselinesOnly) {
            for (String benchmark : chosen) {
                EvalReport report = poolOptions.evaluation(benchmark, reportOptions.progress(err)).evaluate(Split.TEST, BenchmarkStudy.BASELINES);
                reports.add(report);
                reportOptions.print(report, stdout);
            }
            reportOptions.writeJson(reports);
            return 0;
        }
        Path dir = out != null ? out : Path.of("runs", DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now()));
        List<BenchmarkSection> sections = new ArrayList<>();

        try (EncoderOptions.Session session = encoderOptions.open()) {
            for (String benchmark : chosen) {
                BenchmarkStudy.Result result = new BenchmarkStudy(poolOptions.load(benchmark), session.encoder(), training.config(), training::sweep, dir,
                        reportOptions.progress(err), label -> TrainingProgress.forTerminal(err, reportOptions.quiet, label)).run();
                sections.add(result.section());
                reports.add(result.section().table());
                reportOptions.print(result.section().table(), stdout);
                result.findings().forEach(finding -> reportOptions.printBullet(finding, stdout));
                stdout.println();
                stdout.flush();
            }
        }
        reportOptions.printBullet(BenchmarkStudy.CONTEXT_MODEL.line(), stdout);
        RunReportWriter.write(new RunReport("Baton offline demo", Instant.now(), sections,
                List.of(BenchmarkStudy.CONTEXT_MODEL, trainedWith(training.config()))), dir);
        reportOptions.writeJson(reports);
        stdout.println("report: " + dir.resolve("report.html") + " (also report.md, report.json; checkpoints under " + dir + ")");
        return 0;
    }

    /** The run's training settings for the report, one per row, as a person reads them rather than as a record prints. */
    private static Finding trainedWith(TrainingConfig config) {
        List<List<String>> rows = config.settings().entrySet().stream()
                .map(setting -> List.of(setting.getKey().replace('-', ' '), setting.getValue())).toList();
        return new Finding("learned conductor", "Trained per benchmark with the settings below (the cost-penalty sweep and "
                + "the controls derive from them); questions encoded by all-minilm-l6-v2-q (frozen); roles from data/roles.yaml.",
                new Finding.Table("The training settings", List.of("setting", "value"), rows));
    }

    /** The benchmarks to run: the built-in ones, or those --bench names (each checked before any work starts). */
    private List<String> benchmarks() {
        if (benchmarks == null || benchmarks.isEmpty()) {
            return Benchmarks.builtIn();
        }
        for (String name : benchmarks) {
            if (!Benchmarks.builtIn().contains(name)) {
                throw new dev.baton.input.UnknownNameException("the demo runs built-in benchmarks only: '" + name + "' is not one of "
                        + String.join(", ", Benchmarks.builtIn()) + " (evaluate your own file with baton eval --bench FILE)");
            }
        }
        return List.copyOf(new java.util.LinkedHashSet<>(benchmarks));
    }
}
