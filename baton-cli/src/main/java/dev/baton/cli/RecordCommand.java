package dev.baton.cli;

import dev.baton.conduct.Conductor;
import dev.baton.conduct.baseline.SoloConductor;
import dev.baton.eval.CallEstimate;
import dev.baton.execute.Budget;
import dev.baton.execute.Interceptor;
import dev.baton.execute.SpendingCap;
import dev.baton.input.InvalidSettingException;
import dev.baton.io.AtomicFiles;
import dev.baton.offline.Benchmarks;
import dev.baton.offline.RecordedBenchmark;
import dev.baton.pool.Pool;
import dev.baton.store.RecordingSpend;
import dev.baton.store.ResponseCacheFailures;
import dev.baton.store.ResponseCacheInterceptor;
import dev.baton.store.StoreBackend;
import dev.baton.store.StoreException;
import dev.baton.task.AnswerType;
import dev.baton.task.Split;
import dev.baton.task.Task;
import dev.baton.wiring.LoadedPool;
import dev.baton.wiring.Recorder;
import dev.baton.workflow.Workflow;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
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
                + "nothing is lost or paid twice. What the recording spends is kept in the store too, so --max-total-usd "
                + "bounds every run of it together and is never exceeded: each call holds its worst case first. "
                + "A store that cannot be written stops the recording (exit 1) before it pays for more; one run at a time "
                + "records into a --out.",
            "",
            "Your own questions: a JSONL file of {\"id\", \"question\", \"gold\", \"answer_type\"} as --bench.",
            "",
            "Example:",
            "  baton record --pool pool.yaml --bench gsm8k --limit 200 --max-total-usd 2 \\",
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

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "Where the recording goes (JSONL; gzipped when the name ends in .gz).")
    Path out;

    @Option(names = "--split", defaultValue = "all", paramLabel = "SPLIT",
            description = "Which questions of --bench: train, test or all. Default: ${DEFAULT-VALUE}.")
    String split;

    @Option(names = "--limit", paramLabel = "N", description = "Only the first N questions of the split.")
    Integer limit;

    @Option(names = "--max-total-usd", paramLabel = "USD",
            description = "Most USD the whole recording may spend, every run of it into this --out together (what earlier "
                    + "runs spent is kept in --store, unless --no-cache: then this run's alone; cached replies are free); "
                    + "calls that do not fit are left out. "
                    + "Not per question, unlike ask's --max-usd.")
    Double maxTotalUsd;

    /** The name this flag had before {@code ask}'s per-question {@code --max-usd} made it misleading; still works. */
    @Option(names = "--max-usd", paramLabel = "USD", hidden = true, description = "Deprecated: --max-total-usd.")
    Double maxUsd;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "Most wall time for each call, in seconds, its retries and their waits (Retry-After included) "
                    + "together; a call out of time fails and is left out. Default: none (each attempt has its worker's timeout).")
    Double timeoutSeconds;

    @Option(names = "--parallel", defaultValue = "4", paramLabel = "N",
            description = "Calls in flight at once (each worker also keeps to its own concurrency). Default: ${DEFAULT-VALUE}.")
    int parallel;

    @Option(names = "--reviews", defaultValue = "0", paramLabel = "K",
            description = "Also record how each worker answers when it sees K other workers' answers (2 is a good start): "
                    + "after the solo answers, each worker answers each question once more, asked exactly as a workflow step "
                    + "that sees those peers (a Mixture-of-Agents aggregator) is asked; the peers are chosen, seeded, so that "
                    + "some agree and some disagree. Kept as \"reviews\" beside \"responses\": baton context fit measures the "
                    + "context model from them, and the replay pool replays them. Same cap, cache and resume as solo calls. "
                    + "Default: ${DEFAULT-VALUE} (none).")
    int reviews;

    @Option(names = "--answer-type", paramLabel = "TYPE",
            description = "Answer type for records of a --bench file that have no answer_type: number, math, choice or text.")
    String answerType;

    @Mixin
    EncoderOptions storeOptions;

    @Option(names = "--json", paramLabel = "FILE",
            description = "Also write what the recording did as JSON to FILE: questions, calls answered, from cache, failed "
                    + "(per worker and kind, and which a rerun will not fix), skipped, this run's cost and the recording's total.")
    Path json;

    // record draws a progress bar but no table: ReportOptions' --width would do nothing here.
    @Option(names = {"-q", "--quiet"}, description = "No progress bar (it is drawn only on a terminal anyway).")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        if (parallel < 1 || parallel > 256) {
            throw new InvalidSettingException("--parallel must be between 1 and 256, got " + parallel);
        }
        if (limit != null && limit < 1) {
            throw new InvalidSettingException("--limit must be at least 1, got " + limit);
        }
        if (reviews < 0 || reviews >= Workflow.MAX_STEPS) {
            throw new InvalidSettingException("--reviews must be between 0 and " + (Workflow.MAX_STEPS - 1)
                    + " (the peers a workflow step can see), got " + reviews);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        OptionalDouble cap = maxTotalUsd(stderr);
        Duration callTimeout = BudgetOptions.seconds("--timeout", timeoutSeconds).orElse(Budget.unlimited().deadline());
        Optional<AnswerType> type = Optional.ofNullable(answerType).map(AnswerType::parse);
        RecordedBenchmark benchmark = Benchmarks.load(bench, type);
        List<Task> tasks = Split.parse(split).select(benchmark.name(), benchmark.tasks());
        if (limit != null && limit < tasks.size()) {
            tasks = tasks.subList(0, limit);
        }
        LoadedPool loaded = poolOptions.load(bench, type, BatonCommand.of(spec).env);

        // Closed last, after the lock and the store, so that an interrupted run exits only once it has said where it stopped.
        // The lock comes first: resuming counts the holds of earlier runs as spent, which is right only once they are gone.
        try (StopOnInterrupt interrupt = StopOnInterrupt.install();
             OutputLock lock = OutputLock.acquire(out, "recording", "record");
             StoreBackend store = storeOptions.openStore()) {
            StoreFailureStop stop = new StoreFailureStop();
            Optional<SpendingCap> spendingCap = poolOptions.caching(loaded)
                    ? Optional.of(resume(store, AtomicFiles.target(out).normalize().toString(), cap, stop, stdout))
                    : cap.stream().mapToObj(SpendingCap::new).findFirst();
            // Said once the lock is held and the store opened, so that a run refused for either says only why.
            stdout.println("recording " + loaded.pool().size() + " workers on " + tasks.size() + " questions"
                    + (reviews > 0 ? ", each also reviewing each question having seen " + reviews + " peers" : "") + ": "
                    + estimate(loaded, tasks).describe());
            stdout.flush();
            List<Interceptor> added = new ArrayList<>(List.of(stop));
            spendingCap.ifPresent(added::add);
            Recorder recorder = new Recorder(loaded.pool(),
                    poolOptions.executor(loaded, store, stop.listener(), added.toArray(Interceptor[]::new)), callTimeout, parallel,
                    ProgressBar.forTerminal(stderr, quiet)).withReviews(reviews);
            interrupt.stopWith(recorder::requestStop);
            Recorder.Summary summary = recorder.record(tasks, out);
            if (json != null) {
                RecordSummaryJson.write(json, out, summary,
                        poolOptions.caching(loaded) ? spendingCap.map(SpendingCap::spentUsd) : Optional.empty());
            }
            if (summary.stopped()) {
                ProgressBar.endLine(stderr);
                stderr.println("interrupted: " + summary.answered() + " of " + summary.tasks() * loaded.pool().size()
                        + " answered; " + (poolOptions.caching(loaded) ? "run the same command again to resume (answered calls "
                        + "come from the cache at no cost)" : "nothing was kept (--no-cache): run the same command again to "
                        + "record them all"));
                stderr.flush();
                return 130; // the shell's code for a run ended by Ctrl-C
            }
            stdout.println("recorded " + loaded.pool().size() + " workers on " + tasks.size() + " questions of "
                    + benchmark.name() + " into " + out);
            stdout.println(summary.describe());
            stdout.println("prices: " + Recorder.pricesOf(out) + "; train on it with: baton train --bench " + out + " --prices "
                    + Recorder.pricesOf(out) + " --out <checkpoint>");
            stdout.flush();
            if (stop.failure().isPresent()) {
                ResponseCacheFailures.Failure failure = stop.failure().get();
                throw new StoreException("the store cannot be "
                        + (failure.operation() == ResponseCacheInterceptor.Operation.READ ? "read" : "written")
                        + " (" + failure.exception().getMessage() + "): the recording stopped and paid for nothing more ("
                        + summary.skipped() + " calls left out); fix the store, or record with --no-cache", failure.exception());
            }
            if (summary.skipped() > 0) {
                stdout.println("the spending cap left " + summary.skipped() + " calls out; raise --max-total-usd and run again to "
                        + "add them");
            }
            if (summary.failed() > 0) {
                stdout.println(summary.failed() + " calls failed and are left out of the recording:");
                summary.failures().forEach(worker -> stdout.println("  " + worker.describe()));
                stdout.println(summary.failed() == summary.permanentlyFailed()
                        ? "running again will not fix them: check the pool file (model names, keys) and the provider"
                        : "run the same command again to retry " + (summary.permanentlyFailed() == 0 ? "them" : "those a rerun retries")
                        + " (answered calls come from the cache at no cost)");
            }
        }
        stdout.flush();
        return 0;
    }

    /** Returns the most calls the recording makes, solo and reviews, and what they cost at most. */
    private CallEstimate estimate(LoadedPool loaded, List<Task> tasks) {
        Pool pool = loaded.pool();
        Map<String, Integer> limits = new HashMap<>();
        pool.cards().forEach(card -> limits.put(card.id(), card.defaultMaxOutputTokens()));
        List<Conductor> alone = pool.ids().stream().<Conductor>map(SoloConductor::new).toList();
        return CallEstimate.of(alone, tasks, pool.ids(), pool, limits::get)
                .plus(CallEstimate.reviews(tasks, pool, reviews, limits::get));
    }

    /** Returns {@code --max-total-usd}, or the deprecated {@code --max-usd} with a warning, if given. */
    private OptionalDouble maxTotalUsd(PrintWriter stderr) {
        if (maxUsd != null && maxTotalUsd != null) {
            throw new InvalidSettingException("--max-usd is the old name of --max-total-usd: give one of them");
        }
        if (maxUsd != null) {
            stderr.println("warning: record's --max-usd is now --max-total-usd (it bounds the whole recording, not each "
                    + "question as ask's --max-usd does); the old name will go");
            return BudgetOptions.usd("--max-usd", maxUsd);
        }
        return BudgetOptions.usd("--max-total-usd", maxTotalUsd);
    }

    /**
     * Starts this run of the recording from what earlier runs spent, says so, and returns the cap that counts it and
     * keeps what this run spends in the store as calls settle.
     *
     * @throws StoreException when the store cannot be written: nothing has been paid for yet
     */
    private SpendingCap resume(StoreBackend store, String recording, OptionalDouble cap, StoreFailureStop stop,
                               PrintWriter stdout) {
        RecordingSpend spend = store.recordingSpend();
        RecordingSpend.Balance before;
        try {
            before = spend.resume(recording);
        } catch (StoreException e) {
            throw new StoreException("the store cannot be written (" + e.getMessage() + "): record keeps its replies and what "
                    + "it spends there, so it paid for nothing; fix the store, or record with --no-cache", e);
        }
        String earlier = before.heldUsd() > 0
                ? " (" + usd(before.heldUsd()) + " of it held by calls in flight when a run stopped, counted at their most)"
                : "";
        if (cap.isPresent()) {
            double left = Math.max(0, cap.getAsDouble() - before.totalUsd());
            stdout.println("recording " + out + ": " + usd(before.totalUsd()) + " spent of " + usd(cap.getAsDouble()) + " earlier"
                    + earlier + "; " + usd(left) + " left" + (left > 0 ? "" : ": only cached replies will be recorded"));
        } else if (before.totalUsd() > 0) {
            stdout.println("recording " + out + ": " + usd(before.totalUsd()) + " spent earlier" + earlier);
        }
        stdout.flush();
        SpendingCap.Ledger ledger = stop.watching(spend.ledger(recording));
        return cap.isPresent() ? new SpendingCap(cap.getAsDouble(), before.totalUsd(), ledger)
                : SpendingCap.unlimited(before.totalUsd(), ledger);
    }

    /** Returns an amount for a person: cents where that says it ($0.18), more digits where it would not ($0.000512). */
    static String usd(double amount) {
        BigDecimal rounded = BigDecimal.valueOf(amount).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros();
        return "$" + (rounded.scale() < 2 ? rounded.setScale(2, RoundingMode.UNNECESSARY) : rounded).toPlainString();
    }
}
