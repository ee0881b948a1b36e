package dev.baton.cli;

import dev.baton.eval.Evaluation;
import dev.baton.eval.ProgressListener;
import dev.baton.execute.Executor;
import dev.baton.input.UnknownNameException;
import dev.baton.offline.Benchmarks;
import dev.baton.offline.OfflineConfig;
import dev.baton.offline.RecordedBenchmark;
import dev.baton.offline.ReplayedBenchmark;
import dev.baton.pool.Pool;
import dev.baton.pricing.PriceTable;
import dev.baton.pricing.PriceTableException;
import dev.baton.providers.LiveWorkerSpec;
import dev.baton.providers.PoolFile;
import dev.baton.task.AnswerType;
import dev.baton.wiring.LoadedPool;
import dev.baton.wiring.Recorder;
import dev.baton.worker.WorkerCard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Options shared by every command that builds a pool: which pool, its prices and its context model. */
final class PoolOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--pool", defaultValue = "replay", paramLabel = "KIND",
            description = "Worker pool: replay (real recorded answers, offline), or, for eval and train, a pool file (YAML; see "
                    + "baton pool check) whose workers answer --bench's questions live. Default: ${DEFAULT-VALUE}.")
    String pool;

    @Option(names = "--prices", paramLabel = "FILE",
            description = "Price table (TSV: model, input_usd_per_mtok, output_usd_per_mtok, note). Default: for a --bench file, "
                    + "the <name>.prices.tsv baton record wrote beside it when there is one, else the shipped data/prices.tsv.")
    Path prices;

    @Option(names = "--context-model", paramLabel = "FILE",
            description = "Context model of the replay pool: how a step that sees earlier steps answers (YAML: p_follow, p_keep, "
                    + "seed; and per-worker rates measured by baton context fit). Default: the shipped data/context-model.yaml, "
                    + "assumed. Every table names the model it rests on.")
    Path contextModel;

    @Option(names = "--answer-type", paramLabel = "TYPE",
            description = "Answer type for records of a --bench file that have no answer_type: number, math, choice or text.")
    String answerType;


    /** Loads a benchmark and builds its replay pool. */
    ReplayedBenchmark load(String benchmarkSpec) {
        if (!pool.equals("replay")) {
            throw new UnknownNameException("unknown pool '" + pool + "': use replay");
        }
        RecordedBenchmark benchmark = Benchmarks.load(benchmarkSpec, Optional.ofNullable(answerType).map(AnswerType::parse));
        Optional<Path> beside = pricesBeside(benchmarkSpec);
        Optional<Path> table = Optional.ofNullable(prices).or(() -> beside.filter(Files::isRegularFile));
        if (prices == null && table.isPresent()) {
            command.commandLine().getErr().println("note: prices from " + table.get() + ", written beside the recording by "
                    + "baton record (--prices to use another table)");
        }
        try {
            return ReplayedBenchmark.of(benchmark, OfflineConfig.prices(table.orElse(null)), OfflineConfig.contextModel(contextModel));
        } catch (PriceTableException e) {
            if (table.isPresent() || beside.isEmpty()) {
                throw e;
            }
            throw new PriceTableException(e.getMessage() + "; or put the recording's prices in " + beside.get()
                    + " (baton record writes them there), or give --prices FILE");
        }
    }

    /** Returns where {@code baton record} puts the prices of a recording, when the benchmark is a file. */
    private static Optional<Path> pricesBeside(String benchmarkSpec) {
        if (Benchmarks.builtIn().contains(benchmarkSpec) || !Files.isRegularFile(Path.of(benchmarkSpec))) {
            return Optional.empty();
        }
        return Optional.of(Recorder.pricesOf(Path.of(benchmarkSpec)));
    }

    /** Loads a benchmark and builds the pool and evaluation over it. */
    Evaluation evaluation(String benchmarkSpec, ProgressListener progress) {
        return evaluation(load(benchmarkSpec), progress);
    }

    /** Loads a benchmark's questions (and whatever replies it recorded), with {@code --answer-type}. */
    RecordedBenchmark questions(String benchmarkSpec) {
        return Benchmarks.load(benchmarkSpec, Optional.ofNullable(answerType).map(AnswerType::parse));
    }

    /** Returns whether {@code --pool} names a pool file, whose workers answer live, rather than the replay pool. */
    boolean live() {
        return !pool.equals(LoadedPool.REPLAY);
    }

    /**
     * Loads the pool file {@code --pool} names, its key variables read from {@code env}.
     *
     * @throws UnknownNameException when there is no such file
     */
    LoadedPool loadLive(Map<String, String> env) {
        if (!Files.isRegularFile(Path.of(pool))) {
            throw new UnknownNameException("unknown pool '" + pool + "': use replay or a pool file (no file " + pool + ")");
        }
        return LoadedPool.load(pool, "", Optional.empty(), env);
    }

    /** Returns the most output tokens each worker of the pool file may write per call, for worst-case costs. */
    Map<String, Integer> outputLimits() {
        Map<String, Integer> limits = new java.util.HashMap<>();
        PoolFile.read(Path.of(pool)).workers().forEach(worker -> limits.put(worker.id(),
                worker instanceof LiveWorkerSpec live ? live.defaults().maxOutputTokens().orElse(WorkerCard.DEFAULT_MAX_OUTPUT_TOKENS)
                        : WorkerCard.DEFAULT_MAX_OUTPUT_TOKENS));
        return limits;
    }

    /**
     * Builds the evaluation of a benchmark's questions over a live pool whose calls go through {@code executor}: there
     * is no oracle, and the workers are ranked from {@code recording}'s train split when one is given, else in the pool
     * file's order; nothing is asked to rank them.
     */
    Evaluation liveEvaluation(String benchmarkSpec, LoadedPool loaded, Executor executor, Optional<String> recording,
                              ProgressListener progress) {
        RecordedBenchmark benchmark = questions(benchmarkSpec);
        Evaluation live = new Evaluation(benchmark.name(), benchmark.tasks(), loaded.pool(), executor,
                Path.of(pool).getFileName().toString(), Optional.empty(), List.of("pool file " + pool + ": tokens and cost "
                        + "from each reply's usage at the file's prices (a reply from the response cache at the same prices)",
                        recording.map(r -> "best worker and top k: the workers' accuracy alone on the train split of " + r)
                                .orElse("best worker and top k: the pool file's order (best first)")), progress);
        return recording.map(r -> live.withRankingFrom(evaluation(loadRecording(r, loaded), ProgressListener.SILENT)))
                .orElseGet(live::withListedRanking);
    }

    /**
     * Loads a recording of a pool ({@code baton record}'s file, or a recorded benchmark) as a replay pool, priced by
     * {@code --prices}, else by the price table written beside it, else, for a file, at the pool file's prices.
     */
    private ReplayedBenchmark loadRecording(String spec, LoadedPool loaded) {
        RecordedBenchmark recording = Benchmarks.load(spec, Optional.ofNullable(answerType).map(AnswerType::parse));
        Path beside = Recorder.pricesOf(Path.of(spec));
        PriceTable table;
        if (prices != null || Files.isRegularFile(beside)) {
            table = OfflineConfig.prices(prices != null ? prices : beside);
        } else if (Files.isRegularFile(Path.of(spec))) {
            Map<String, dev.baton.worker.Price> listed = new java.util.LinkedHashMap<>();
            loaded.pool().cards().forEach(card -> listed.put(card.id(), card.price()));
            table = new PriceTable("the pool file " + pool, listed);
        } else {
            table = OfflineConfig.prices(null);
        }
        return ReplayedBenchmark.of(recording, table, OfflineConfig.contextModel(contextModel));
    }

    /** Builds the evaluation over a loaded benchmark. */
    static Evaluation evaluation(ReplayedBenchmark loaded, ProgressListener progress) {
        return new Evaluation(loaded.benchmark().name(), loaded.benchmark().tasks(), loaded.pool(), loaded.executor(), "replay",
                Optional.of(loaded.hindsight()), loaded.notes(), progress);
    }
}
