package dev.baton.cli;

import dev.baton.conduct.Conductor;
import dev.baton.eval.CallEstimate;
import dev.baton.eval.EvalReport;
import dev.baton.eval.Evaluation;
import dev.baton.execute.Budget;
import dev.baton.execute.Interceptor;
import dev.baton.execute.SpendingCap;
import dev.baton.input.InvalidSettingException;
import dev.baton.learn.conductor.LearnedConductor;
import dev.baton.store.ResponseCacheInterceptor;
import dev.baton.store.StoreBackend;
import dev.baton.task.Split;
import dev.baton.task.Task;
import dev.baton.wiring.LearnedSpecs;
import dev.baton.wiring.LoadedPool;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
            "On a live pool (--pool FILE) every call goes through ask's chain: retries, limits, circuit breakers and the "
                + "response cache in --store. It says first how many calls it makes at most and their worst-case cost, and last "
                + "what it spent; a question whose call still failed is counted in a failed column, and the same command again "
                + "retries only those (the rest come from the cache at no cost).",
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

    @Option(names = "--recording", paramLabel = "FILE|NAME",
            description = "On a live pool: rank the workers (best-solo, top<k>, best-cascade) by their accuracy alone on the "
                    + "train split of this recording of them (baton record's file, or a recorded benchmark), calling none. "
                    + "Without it a live pool's best worker and top k are the pool file's first ones, and best-cascade is refused.")
    String recording;

    @Option(names = "--max-usd", paramLabel = "USD",
            description = "On a live pool: most USD the whole evaluation may spend (cached replies are free); a call that "
                    + "might not fit is left out, and counted in the failed column.")
    Double maxUsd;

    @Override
    public Integer call() throws Exception {
        Split chosen = Split.parse(split);
        reportOptions.width(); // a bad --width is refused before any work starts
        if (!poolOptions.live()) {
            if (recording != null || maxUsd != null) {
                throw new InvalidSettingException((recording != null ? "--recording" : "--max-usd") + " is for a live pool "
                        + "(--pool FILE): the replay pool ranks on its own train split and pays nothing");
            }
            return replay(chosen);
        }
        Optional<SpendingCap> cap = Optional.ofNullable(maxUsd).map(usd -> new SpendingCap(Budget.requireUsd(usd, "--max-usd")));
        PrintWriter err = spec.commandLine().getErr();
        LoadedPool loaded = poolOptions.loadLive(BatonCommand.of(spec).env);
        List<LearnedConductor> learned = new ArrayList<>();
        CallTally tally = new CallTally();
        try (StoreBackend store = encoderOptions.openStore(); EncoderOptions.Lazy encoder = encoderOptions.lazy(store)) {
            ResponseCacheInterceptor cache = new ResponseCacheInterceptor(store.responses(),
                    ResponseCacheInterceptor.Mode.READ_WRITE, LivePoolOptions.warningOnce(err));
            Evaluation evaluation = poolOptions.liveEvaluation(bench, loaded,
                    loaded.executor(List.of(tally), Optional.of(cache), cap.stream().toArray(Interceptor[]::new)),
                    Optional.ofNullable(recording), reportOptions.progress(err));
            if (workers != null) {
                evaluation = evaluation.withWorkers(workers);
            }
            evaluation = LearnedSpecs.register(evaluation, encoder, learned, note -> err.println("note: " + note));
            List<Conductor> resolved = evaluation.conductors(conductors);
            List<Task> tasks = evaluation.tasks(chosen);
            CallEstimate estimate = CallEstimate.of(resolved, tasks, evaluation.view().workerIds(), loaded.pool(),
                    poolOptions.outputLimits()::get);
            err.println("live pool " + poolOptions.pool + ": " + resolved.size() + " conductors on " + tasks.size()
                    + " questions: " + estimate.describe()
                    + cap.map(c -> String.format(Locale.ROOT, "; --max-usd stops at $%.4f", c.maxUsd())).orElse(""));
            err.flush();
            EvalReport report = evaluation.evaluateConductors(chosen, resolved);
            reportOptions.print(report, spec.commandLine().getOut());
            reportOptions.writeJson(List.of(report));
            err.println(tally.describe());
            err.flush();
        } finally {
            learned.forEach(LearnedConductor::close);
        }
        return 0;
    }

    /** Evaluates on the replay pool: offline, and the encoder (with its store) opened only when a learned spec needs it. */
    private int replay(Split chosen) throws Exception {
        Evaluation evaluation = poolOptions.evaluation(bench, reportOptions.progress(spec.commandLine().getErr()));
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
