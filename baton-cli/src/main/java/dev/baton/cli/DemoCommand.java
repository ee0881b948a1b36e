package dev.baton.cli;

import dev.baton.eval.EvalReport;
import dev.baton.eval.Evaluation;
import dev.baton.offline.Benchmarks;
import dev.baton.task.Split;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    ReportOptions reportOptions;

    @Mixin
    PoolOptions poolOptions;

    @Override
    public Integer call() throws Exception {
        List<EvalReport> reports = new ArrayList<>();
        for (String benchmark : Benchmarks.builtIn()) {
            Evaluation evaluation = poolOptions.evaluation(benchmark, reportOptions.progress(spec.commandLine().getErr()));
            EvalReport report = evaluation.evaluate(Split.TEST, BASELINES);
            reports.add(report);
            reportOptions.print(report, spec.commandLine().getOut());
        }
        reportOptions.writeJson(reports);
        return 0;
    }
}
