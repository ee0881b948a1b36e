package dev.baton.cli;

import dev.baton.eval.EvalReport;
import dev.baton.eval.Evaluation;
import dev.baton.eval.ReportJson;
import dev.baton.eval.ReportTable;
import dev.baton.offline.Benchmarks;
import dev.baton.task.Split;
import java.io.PrintWriter;
import java.nio.file.Path;
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
            "Run the offline demo: every baseline conductor on the test split of both built-in benchmarks",
            "(GSM8K and MATH level 5), over the replay pool of 28 real models' recorded answers. Needs no API key."})
final class DemoCommand implements Callable<Integer> {

    /** The baselines every report compares against. */
    static final List<String> BASELINES = List.of("solo:all", "best-solo", "random", "vote:top3", "vote:top5", "moa:top3", "oracle");

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write both tables as a JSON array to FILE.")
    Path json;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
    boolean quiet;

    @Mixin
    PoolOptions poolOptions;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<EvalReport> reports = new ArrayList<>();
        for (String benchmark : Benchmarks.builtIn()) {
            Evaluation evaluation = poolOptions.evaluation(benchmark, ProgressBar.forTerminal(spec.commandLine().getErr(), quiet));
            EvalReport report = evaluation.evaluate(Split.TEST, BASELINES);
            reports.add(report);
            out.println(ReportTable.render(report));
            out.flush();
        }
        if (json != null) {
            ReportJson.write(reports, json);
        }
        return 0;
    }
}
