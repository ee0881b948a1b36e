package dev.baton.cli;

import dev.baton.client.Recorder;
import dev.baton.eval.Evaluation;
import dev.baton.eval.ProgressListener;
import dev.baton.input.UnknownNameException;
import dev.baton.offline.Benchmarks;
import dev.baton.offline.OfflineConfig;
import dev.baton.offline.RecordedBenchmark;
import dev.baton.offline.ReplayedBenchmark;
import dev.baton.pool.Pool;
import dev.baton.pricing.PriceTableException;
import dev.baton.providers.PoolFile;
import dev.baton.task.AnswerType;
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
            description = "Worker pool: replay (real recorded answers, offline), or, for eval, a pool file (YAML; see baton "
                    + "pool check) whose workers answer --bench's questions live. Default: ${DEFAULT-VALUE}.")
    String pool;

    @Option(names = "--prices", paramLabel = "FILE",
            description = "Price table (TSV: model, input_usd_per_mtok, output_usd_per_mtok, note). Default: for a --bench file, "
                    + "the <name>.prices.tsv baton record wrote beside it when there is one, else the shipped data/prices.tsv.")
    Path prices;

    @Option(names = "--context-model", paramLabel = "FILE",
            description = "Context-model settings of the replay pool (YAML: p_follow, p_keep, seed). Default: the shipped data/context-model.yaml.")
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

    /**
     * Loads a benchmark and builds the evaluation over the replay pool, or over the live workers of a pool file (its
     * key variables read from {@code env}): then there is no oracle, and the benchmark gives only the questions.
     */
    Evaluation evaluation(String benchmarkSpec, ProgressListener progress, Map<String, String> env) {
        if (pool.equals("replay")) {
            return evaluation(benchmarkSpec, progress);
        }
        if (!Files.isRegularFile(Path.of(pool))) {
            throw new UnknownNameException("unknown pool '" + pool + "': use replay or a pool file (no file " + pool + ")");
        }
        RecordedBenchmark benchmark = Benchmarks.load(benchmarkSpec, Optional.ofNullable(answerType).map(AnswerType::parse));
        Pool live = PoolFile.read(Path.of(pool)).build(env);
        return new Evaluation(benchmark.name(), benchmark.tasks(), live, Path.of(pool).getFileName().toString(),
                Optional.empty(), List.of("pool file " + pool + ": tokens and cost from each reply's usage"), progress);
    }

    /** Builds the evaluation over a loaded benchmark. */
    static Evaluation evaluation(ReplayedBenchmark loaded, ProgressListener progress) {
        return new Evaluation(loaded.benchmark().name(), loaded.benchmark().tasks(), loaded.pool(), "replay",
                Optional.of(loaded.hindsight()), loaded.notes(), progress);
    }
}
