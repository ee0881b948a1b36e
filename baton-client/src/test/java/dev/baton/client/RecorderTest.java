package dev.baton.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.conduct.Orchestrator;
import dev.baton.conduct.baseline.SoloConductor;
import dev.baton.eval.ProgressListener;
import dev.baton.execute.Budget;
import dev.baton.execute.Executor;
import dev.baton.execute.RetryPolicy;
import dev.baton.execute.SpendingCap;
import dev.baton.fixtures.ScriptedWorker;
import dev.baton.offline.Benchmarks;
import dev.baton.offline.OfflineConfig;
import dev.baton.offline.RecordedBenchmark;
import dev.baton.offline.ReplayPool;
import dev.baton.pool.Pool;
import dev.baton.pricing.PriceTable;
import dev.baton.task.AnswerType;
import dev.baton.task.Task;
import dev.baton.worker.Price;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecorderTest {

    @TempDir
    Path dir;

    private final List<Task> tasks = List.of(
            Task.of("q1", "What is 6 * 7?", "42", AnswerType.NUMBER),
            Task.of("q2", "What is 2 + 2?", "4", AnswerType.NUMBER),
            Task.of("q3", "What is 10 / 5?", "2", AnswerType.NUMBER));

    @Test
    void writesARecordingTheReplayPoolAnswersFromAsTheWorkersDid() {
        ScriptedWorker a = ScriptedWorker.computing("a", request -> "The answer is " + request.messages().getLast().text().length() + ".");
        ScriptedWorker down = ScriptedWorker.failingPermanently("down");
        AtomicInteger heard = new AtomicInteger();
        Recorder recorder = new Recorder(Pool.of(List.of(a, down)), Executor.builder().retry(RetryPolicy.none()).build(), 3,
                (label, done, total) -> heard.incrementAndGet());

        Recorder.Summary summary = recorder.record(tasks, dir.resolve("mine.jsonl"));

        assertThat(summary).isEqualTo(new Recorder.Summary(3, 3, 0, 3, 0, summary.costUsd()));
        assertThat(heard).hasValue(6);
        RecordedBenchmark recorded = Benchmarks.load(dir.resolve("mine.jsonl").toString(), Optional.empty());
        assertThat(recorded.tasks()).isEqualTo(tasks);
        assertThat(recorded.models()).containsExactly("a");
        Pool replay = ReplayPool.create(recorded, new PriceTable("test", Map.of("a", new Price(1, 1))),
                OfflineConfig.defaultContextModel());
        Orchestrator loop = new Orchestrator(Executor.builder().retry(RetryPolicy.none()).build(), replay, Budget.unlimited(), 1);
        for (Task task : tasks) {
            Orchestrator.Result live = new Orchestrator(Executor.builder().build(), Pool.of(List.of(a)), Budget.unlimited(), 1)
                    .answer(new SoloConductor("a"), task, Pool.of(List.of(a)).view());
            Orchestrator.Result replayed = loop.answer(new SoloConductor("a"), task, replay.view());
            assertThat(replayed.answer()).isEqualTo(live.answer());
            // The billed tokens travel with the recording, so the replayed call costs what the live one did.
            assertThat(replayed.trace().costUsd()).isEqualTo(live.trace().costUsd());
        }
    }

    @Test
    void aCallThatOutlastsItsTimeoutFailsAndTheRecordingGoesOn() {
        ScriptedWorker hung = ScriptedWorker.slow("hung", "42", Duration.ofMinutes(10));
        ScriptedWorker quick = ScriptedWorker.answering("quick", "The answer is 42.");
        Recorder recorder = new Recorder(Pool.of(List.of(hung, quick)), Executor.builder().retry(RetryPolicy.none()).build(),
                Duration.ofSeconds(3), 6, ProgressListener.SILENT); // generous: the quick calls must fit in it on a loaded machine

        Recorder.Summary summary = recorder.record(tasks, dir.resolve("timed.jsonl"));

        assertThat(summary).isEqualTo(new Recorder.Summary(3, 3, 0, 3, 0, summary.costUsd()));
        assertThat(Benchmarks.load(dir.resolve("timed.jsonl").toString(), Optional.empty()).models()).containsExactly("quick");
    }

    @Test
    void aSpendingCapBoundsTheWholeRecording() {
        ScriptedWorker a = ScriptedWorker.answering("a", "x".repeat(400));
        SpendingCap cap = new SpendingCap(0.0002);
        Executor executor = Executor.builder().retry(RetryPolicy.none())
                .options(dev.baton.worker.CallOptions.defaults().withMaxOutputTokens(100)).addInterceptor(cap).build();

        Recorder.Summary summary = new Recorder(Pool.of(List.of(a)), executor, 2, ProgressListener.SILENT)
                .record(tasks, dir.resolve("capped.jsonl"));

        assertThat(summary.costUsd()).isEqualTo(cap.spentUsd()).isLessThanOrEqualTo(0.0002);
        assertThat(summary.skipped()).isPositive();
        assertThat(summary.answered() + summary.skipped()).isEqualTo(3);
    }
}
