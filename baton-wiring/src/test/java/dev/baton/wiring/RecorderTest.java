package dev.baton.wiring;

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
import dev.baton.worker.FailureKind;
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

        assertThat(summary).isEqualTo(new Recorder.Summary(3, 3, 0, List.of(summary.failures().getFirst()), 0, summary.costUsd(),
                false));
        assertThat(summary.failed()).isEqualTo(3);
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

        assertThat(summary.answered()).isEqualTo(3);
        assertThat(summary.failures()).containsExactly(new WorkerFailures("hung", Map.of(FailureKind.TIMEOUT, 3), 0));
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

    @Test
    void failedCallsAreCountedPerWorkerByKindAndThoseARerunWillNotFix() {
        ScriptedWorker fine = ScriptedWorker.answering("fine", "The answer is 42.");
        ScriptedWorker gone = ScriptedWorker.failingFirst("gone", Integer.MAX_VALUE, FailureKind.NOT_FOUND, Duration.ZERO, "");
        ScriptedWorker flaky = ScriptedWorker.failingFirst("flaky", Integer.MAX_VALUE, FailureKind.NETWORK, Duration.ZERO, "");
        Recorder recorder = new Recorder(Pool.of(List.of(gone, fine, flaky)), Executor.builder().retry(RetryPolicy.none()).build(),
                2, ProgressListener.SILENT);

        Recorder.Summary summary = recorder.record(tasks, dir.resolve("failing.jsonl"));

        assertThat(summary.failures()).containsExactly(
                new WorkerFailures("gone", Map.of(FailureKind.NOT_FOUND, 3), 3),
                new WorkerFailures("flaky", Map.of(FailureKind.NETWORK, 3), 0));
        assertThat(summary.failed()).isEqualTo(6);
        assertThat(summary.permanentlyFailed()).isEqualTo(3);
        assertThat(summary.failures().getFirst().describe()).isEqualTo("gone: 3 failed: not_found 3 (permanent: a rerun will not fix them)");
        assertThat(summary.failures().getLast().describe()).isEqualTo("flaky: 3 failed: network 3 (a rerun retries them)");
        assertThat(new WorkerFailures("mixed", Map.of(FailureKind.NETWORK, 2, FailureKind.NOT_FOUND, 1), 1).describe())
                .isEqualTo("mixed: 3 failed: network 2, not_found 1 (1 permanent: a rerun will not fix those; it retries the other 2)");
    }

    @Test
    void aRecordingNamedGzIsWrittenGzipped() throws java.io.IOException {
        Path out = dir.resolve("zipped.jsonl.gz");
        new Recorder(Pool.of(List.of(ScriptedWorker.answering("a", "The answer is 42."))), Executor.builder().build(), 2,
                ProgressListener.SILENT).record(tasks, out);

        byte[] bytes = java.nio.file.Files.readAllBytes(out);
        assertThat(bytes[0] & 0xff).as("gzip's magic").isEqualTo(0x1f);
        assertThat(bytes[1] & 0xff).isEqualTo(0x8b);
        try (var lines = new java.util.zip.GZIPInputStream(java.nio.file.Files.newInputStream(out))) {
            assertThat(new String(lines.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()).hasSize(3);
        }
        assertThat(Benchmarks.load(out.toString(), Optional.empty()).tasks()).isEqualTo(tasks);
        assertThat(Recorder.pricesOf(out)).isEqualTo(dir.resolve("zipped.prices.tsv")).exists();
    }

    @Test
    void aStoppedRecordingMakesNoMoreCallsWritesNothingAndSaysSo() {
        AtomicInteger calls = new AtomicInteger();
        Recorder[] recorder = new Recorder[1];
        ScriptedWorker a = ScriptedWorker.computing("a", request -> {
            if (calls.incrementAndGet() == 1) {
                recorder[0].requestStop(); // as Ctrl-C arrives during the first call
            }
            return "The answer is 42.";
        });
        recorder[0] = new Recorder(Pool.of(List.of(a)), Executor.builder().build(), 1, ProgressListener.SILENT);

        Recorder.Summary summary = recorder[0].record(tasks, dir.resolve("stopped.jsonl"));

        assertThat(summary.stopped()).isTrue();
        assertThat(calls).as("the call in flight finishes, no other starts").hasValue(1);
        assertThat(summary.answered()).isEqualTo(1);
        assertThat(summary.skipped()).isEqualTo(2);
        assertThat(dir.resolve("stopped.jsonl")).doesNotExist();
    }
}
