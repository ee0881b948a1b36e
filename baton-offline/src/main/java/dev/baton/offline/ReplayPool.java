package dev.baton.offline;

import dev.baton.conduct.baseline.Hindsight;
import dev.baton.grade.GradingMemo;
import dev.baton.pool.Pool;
import dev.baton.pricing.PriceTable;
import dev.baton.worker.WorkerCard;
import java.util.List;

/**
 * Builds a pool of {@link ReplayWorker}s, one per recorded model of a benchmark, priced from a price table.
 *
 * <pre>{@code
 * RecordedBenchmark gsm8k = Benchmarks.load("gsm8k", Optional.empty());
 * Pool pool = ReplayPool.create(gsm8k, OfflineConfig.defaultPrices(), OfflineConfig.defaultContextModel());
 * }</pre>
 */
public final class ReplayPool {

    private ReplayPool() {
    }

    /**
     * Creates the pool in the order the models first appear in the recordings.
     *
     * @throws dev.baton.pricing.PriceTableException when a recorded model has no price
     */
    public static Pool create(RecordedBenchmark recordings, PriceTable prices, ContextModel contextModel) {
        GradingMemo answers = new GradingMemo();
        List<ReplayWorker> workers = recordings.models().stream()
                .map(model -> new ReplayWorker(
                        new WorkerCard(model, "replay of " + model + "'s recorded answers to " + recordings.name(),
                                prices.priceOf(model), 0, "replay|" + recordings.name() + "|" + model),
                        recordings, contextModel, answers))
                .toList();
        return Pool.of(workers);
    }

    /**
     * Returns the answer key of a replay pool: whether a worker's recorded reply, asked alone, is correct.
     * Workers that are not replay workers are never "known right".
     */
    public static Hindsight hindsight(Pool pool) {
        return (task, workerId) -> pool.find(workerId)
                .filter(ReplayWorker.class::isInstance)
                .map(worker -> ((ReplayWorker) worker).recordedCorrect(task))
                .orElse(false);
    }
}
