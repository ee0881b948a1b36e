package dev.baton.offline;

import dev.baton.conduct.baseline.Hindsight;
import dev.baton.execute.Executor;
import dev.baton.execute.RetryPolicy;
import dev.baton.pool.Pool;
import dev.baton.pricing.PriceTable;
import java.util.List;
import java.util.Objects;

/**
 * A recorded benchmark together with the replay pool that answers it, the pool's answer key and the notes that
 * say how its figures are obtained (printed under every table).
 *
 * @param benchmark the tasks and recorded replies
 * @param pool      one replay worker per recorded model
 * @param hindsight whether each worker's recorded reply is correct (for the oracle)
 * @param notes     how the pool's figures come about
 * @param context   the context model steps that see earlier steps answer by (where no recorded review is replayed)
 */
public record ReplayedBenchmark(RecordedBenchmark benchmark, Pool pool, Hindsight hindsight, List<String> notes,
                                ContextModel context) {

    public ReplayedBenchmark {
        Objects.requireNonNull(benchmark, "benchmark");
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(hindsight, "hindsight");
        notes = List.copyOf(notes);
        Objects.requireNonNull(context, "context");
    }

    /**
     * Builds the replay pool of a benchmark.
     *
     * @throws BenchmarkFormatException when the benchmark has no recorded replies, so the pool would have no workers
     */
    public static ReplayedBenchmark of(RecordedBenchmark benchmark, PriceTable prices, ContextModel context) {
        if (benchmark.models().isEmpty()) {
            throw new BenchmarkFormatException(benchmark.name() + " has no recorded responses, so the replay pool has no workers");
        }
        Pool pool = ReplayPool.create(benchmark, prices, context);
        List<String> notes = List.of(
                "replay pool: " + pool.size() + " workers answering with their real recorded replies; prices from " + prices.source(),
                billed(benchmark)
                        ? "tokens as the providers billed them where the recording has them, else characters / 4"
                        : "tokens are estimated as characters / 4 (input: the messages sent; output: the full recorded reply)",
                context.describe() + " (applies to steps that see earlier steps" + (benchmark.reviewCount() > 0
                        ? ", except those that see exactly what one of the benchmark's " + benchmark.reviewCount()
                                + " recorded reviews saw: they replay it)" : ")"));
        return new ReplayedBenchmark(benchmark, pool, ReplayPool.hindsight(pool), notes, context);
    }

    /** Returns whether some recorded reply carries the tokens its provider billed (a {@code baton record} file). */
    private static boolean billed(RecordedBenchmark benchmark) {
        return benchmark.replies().values().stream().flatMap(byModel -> byModel.values().stream())
                .anyMatch(reply -> reply.outputTokens().isPresent());
    }

    /** Returns the benchmark's name. */
    public String name() {
        return benchmark.name();
    }

    /**
     * Returns an executor for the replay pool's calls: they are deterministic and free, so each is tried once and none
     * is cached (a missing recording fails the same way every time).
     */
    public Executor executor() {
        return Executor.builder().retry(RetryPolicy.none()).build();
    }
}
