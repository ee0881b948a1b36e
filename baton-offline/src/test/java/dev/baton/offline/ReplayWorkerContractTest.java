package dev.baton.offline;

import dev.baton.pool.Pool;
import dev.baton.pricing.PriceTable;
import dev.baton.task.AnswerType;
import dev.baton.task.Task;
import dev.baton.worker.Price;
import dev.baton.worker.Worker;
import dev.baton.worker.WorkerContract;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A replay worker keeps the worker contract. It answers from its recordings and fails transiently where it
 * has none; it cannot be slow or fail permanently, so those tests are skipped.
 */
class ReplayWorkerContractTest extends WorkerContract {

    private static final Task TASK = Task.of("q1", "What is 6 * 7?", "# 42", AnswerType.NUMBER);

    private static final RecordedBenchmark RECORDINGS = new RecordedBenchmark("toy", List.of(TASK), Map.of(
            "q1", Map.of("recorded", new RecordedReply("{\"reasoning\": \"6*7\", \"answer\": \"42\"}", 400))),
            List.of("recorded", "unrecorded"));

    private static final PriceTable PRICES = new PriceTable("test", Map.of(
            "recorded", new Price(0.15, 0.6), "unrecorded", new Price(3, 15)));

    @Override
    protected Optional<Worker> worker(Behaviour behaviour) {
        Pool pool = ReplayPool.create(RECORDINGS, PRICES, new ContextModel(0.5, 0.5, 7));
        return switch (behaviour) {
            case ANSWERS -> pool.find("recorded");
            case FAILS_TRANSIENTLY -> pool.find("unrecorded"); // no recording for q1: fails like an outage
            case FAILS_PERMANENTLY, SLOW -> Optional.empty();
        };
    }

    @Override
    protected Task task() {
        return TASK;
    }
}
