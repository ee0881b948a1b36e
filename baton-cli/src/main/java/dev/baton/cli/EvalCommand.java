package dev.baton.cli;

import dev.baton.client.LearnedSpecs;
import dev.baton.eval.EvalReport;
import dev.baton.eval.Evaluation;
import dev.baton.learn.conductor.LearnedConductor;
import dev.baton.task.Split;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code baton eval}: one table of conductors on one benchmark split. */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Evaluate conductors on a benchmark split and print a table.",
            "",
            "Columns: accuracy with a 95%% bootstrap interval, mean calls, mean cost (USD), mean tokens and the number of tasks; "
                + "under the table, one line compares the first learned conductor with the best single worker.",
            "",
            "Example:",
            "  baton eval --bench gsm8k --conductor best-solo --conductor vote:top3",
            ""})
final class EvalCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--bench", required = true, paramLabel = "NAME|PATH",
            description = "gsm8k, math-l5, mmlu-pro, or a JSONL(.gz) file in the same schema (id, question, gold, [answer_type], responses).")
    String bench;

    @Option(names = "--split", defaultValue = "test", paramLabel = "SPLIT",
            description = "train, test or all (fixed by SHA-256 of <benchmark>:<id>). Default: ${DEFAULT-VALUE}.")
    String split;

    @Option(names = "--conductor", required = true, paramLabel = "SPEC", split = "\\s+", hideParamSyntax = true,
            description = "Conductor spec to evaluate (forms above); repeat the flag, or separate specs with spaces, for several rows.")
    List<String> conductors;

    @Option(names = "--workers", paramLabel = "WORKER", split = ",",
            description = "Evaluate with these workers only: every conductor, ranking and baseline sees just them.")
    List<String> workers;

    @Mixin
    ReportOptions reportOptions;

    @Mixin
    EncoderOptions encoderOptions;

    @Mixin
    PoolOptions poolOptions;

    @Override
    public Integer call() throws Exception {
        Split chosen = Split.parse(split);
        reportOptions.width(); // a bad --width is refused before any work starts
        Evaluation evaluation = poolOptions.evaluation(bench, reportOptions.progress(spec.commandLine().getErr()),
                BatonCommand.of(spec).env);
        if (workers != null) {
            evaluation = evaluation.withWorkers(workers);
        }
        List<LearnedConductor> learned = new ArrayList<>();
        EncoderOptions.Session[] session = new EncoderOptions.Session[1];
        try {
            evaluation = LearnedSpecs.register(evaluation, () -> {
                if (session[0] == null) {
                    session[0] = encoderOptions.open();
                }
                return session[0].encoder();
            }, learned, note -> spec.commandLine().getErr().println("note: " + note));
            EvalReport report = evaluation.evaluate(chosen, conductors);
            reportOptions.print(report, spec.commandLine().getOut());
            reportOptions.writeJson(List.of(report));
        } finally {
            learned.forEach(LearnedConductor::close);
            if (session[0] != null) {
                session[0].close();
            }
        }
        return 0;
    }
}
