package dev.baton.eval;

import dev.baton.offline.ContextModel;
import dev.baton.offline.RecordedBenchmark;
import dev.baton.offline.RecordedReply;
import dev.baton.offline.ReplayPool;
import dev.baton.pool.Pool;
import dev.baton.pricing.PriceTable;
import dev.baton.task.AnswerType;
import dev.baton.task.Task;
import dev.baton.worker.Price;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A toy benchmark of 200 questions and three recorded workers: "strong" right on 90%, "medium" on 60%,
 * "weak" on 30% (each on a fixed, overlapping pattern), so every baseline has a known answer.
 */
public final class EvalFixtures {

    static final List<String> WORKERS = List.of("weak", "medium", "strong");

    private EvalFixtures() {
    }

    static RecordedBenchmark benchmark() {
        List<Task> tasks = new ArrayList<>();
        Map<String, Map<String, RecordedReply>> replies = new HashMap<>();
        for (int i = 0; i < 200; i++) {
            Task task = Task.of("q" + i, "Question " + i, "# " + i, AnswerType.NUMBER);
            tasks.add(task);
            replies.put(task.id(), Map.of(
                    "weak", reply(i, i % 10 < 3),
                    "medium", reply(i, i % 10 < 6),
                    "strong", reply(i, i % 10 < 9)));
        }
        return new RecordedBenchmark("toy", tasks, replies, WORKERS);
    }

    public static Evaluation evaluation() {
        RecordedBenchmark benchmark = benchmark();
        Pool pool = pool(benchmark);
        return new Evaluation(benchmark.name(), benchmark.tasks(), pool,
                dev.baton.execute.Executor.builder().retry(dev.baton.execute.RetryPolicy.none()).build(), "replay", Optional.of(ReplayPool.hindsight(pool)),
                List.of("toy"), ProgressListener.SILENT);
    }

    /** Returns the three workers, replaying the toy benchmark. */
    public static Pool pool() {
        return pool(benchmark());
    }

    private static Pool pool(RecordedBenchmark benchmark) {
        PriceTable prices = new PriceTable("test", Map.of(
                "weak", new Price(0.1, 0.1), "medium", new Price(1, 1), "strong", new Price(10, 10)));
        return ReplayPool.create(benchmark, prices, new ContextModel(0.8, 0.7, 0));
    }

    private static RecordedReply reply(int question, boolean right) {
        String text = "{\"reasoning\": \"...\", \"answer\": \"" + (right ? question : question + 1000) + "\"}";
        return new RecordedReply(text, 400);
    }
}
