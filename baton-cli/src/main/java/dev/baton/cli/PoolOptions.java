package dev.baton.cli;

import dev.baton.eval.Evaluation;
import dev.baton.eval.ProgressListener;
import dev.baton.input.UnknownNameException;
import dev.baton.offline.Benchmarks;
import dev.baton.offline.OfflineConfig;
import dev.baton.offline.RecordedBenchmark;
import dev.baton.offline.ReplayedBenchmark;
import dev.baton.pool.Pool;
import dev.baton.providers.PoolFile;
import dev.baton.task.AnswerType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Options shared by every command that builds a pool: which pool, its prices and its context model. */
final class PoolOptions {

    @Option(names = "--pool", defaultValue = "replay", paramLabel = "KIND",
            description = "Worker pool: replay (real recorded answers, offline), or, for eval, a pool file (YAML; see baton "
                    + "pool check) whose workers answer --bench's questions live. Default: ${DEFAULT-VALUE}.")
    String pool;

    @Option(names = "--prices", paramLabel = "FILE",
            description = "Price table (TSV: model, input_usd_per_mtok, output_usd_per_mtok, note). Default: the shipped data/prices.tsv.")
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
        return ReplayedBenchmark.of(benchmark, OfflineConfig.prices(prices), OfflineConfig.contextModel(contextModel));
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
