package dev.baton.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.execute.Budget;
import dev.baton.execute.CallResult;
import dev.baton.execute.Executor;
import dev.baton.execute.RetryPolicy;
import dev.baton.execute.Trace;
import dev.baton.fixtures.ScriptedWorker;
import dev.baton.pool.Pool;
import dev.baton.task.AnswerType;
import dev.baton.task.Task;
import dev.baton.worker.CallOptions;
import dev.baton.worker.Reply;
import dev.baton.workflow.Step;
import dev.baton.workflow.Workflow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResponseCacheInterceptorTest {

    private static final Task TASK = Task.of("t1", "What is 6 * 7?", "42", AnswerType.NUMBER);

    @TempDir
    Path dir;

    @Test
    void aRepeatedCallIsAnsweredFromTheCacheAtNoCost() {
        ScriptedWorker worker = ScriptedWorker.answering("w", "The answer is 42.");
        try (Store store = Store.open(dir.resolve("baton.db"))) {
            Trace first = run(executor(store, ResponseCacheInterceptor.Mode.READ_WRITE), worker, "Solve.");
            Trace second = run(executor(store, ResponseCacheInterceptor.Mode.READ_WRITE), worker, "Solve.");

            assertThat(worker.requests()).hasSize(1);
            Reply original = first.calls().getFirst().reply().orElseThrow();
            assertThat(original.costUsd()).isPositive();
            assertThat(second.calls().getFirst().result()).isInstanceOfSatisfying(CallResult.Answered.class, answered -> {
                assertThat(answered.cached()).isTrue();
                assertThat(answered.attempts()).isZero();
                assertThat(answered.reply().text()).isEqualTo("The answer is 42.");
                assertThat(answered.reply().inputTokens()).isEqualTo(original.inputTokens());
                assertThat(answered.reply().outputTokens()).isEqualTo(original.outputTokens());
            });
            assertThat(second.costUsd()).isZero();
            assertThat(store.responses().count()).isEqualTo(1);
        }
    }

    @Test
    void anotherModelOptionsOrMessagesMiss() {
        ScriptedWorker a = ScriptedWorker.answering("a", "42");
        ScriptedWorker b = ScriptedWorker.answering("b", "42");
        try (Store store = Store.open(dir.resolve("baton.db"))) {
            ResponseCacheInterceptor cache = new ResponseCacheInterceptor(store.responses());
            Executor plain = Executor.builder().retry(RetryPolicy.none()).cache(cache).build();
            Executor greedy = Executor.builder().retry(RetryPolicy.none()).cache(cache)
                    .options(CallOptions.defaults().withTemperature(0)).build();

            run(plain, a, "Solve.");
            run(plain, b, "Solve.");
            run(greedy, a, "Solve.");
            run(plain, a, "Solve step by step.");
            run(plain, a, "Solve.");

            assertThat(a.requests()).hasSize(3);
            assertThat(b.requests()).hasSize(1);
            assertThat(store.responses().count()).isEqualTo(4);
        }
    }

    @Test
    void failuresAreNotCached() {
        ScriptedWorker flaky = ScriptedWorker.flaky("w", 1, "42");
        try (Store store = Store.open(dir.resolve("baton.db"))) {
            Executor executor = executor(store, ResponseCacheInterceptor.Mode.READ_WRITE);

            Trace failed = run(executor, flaky, "Solve.");
            Trace answered = run(executor, flaky, "Solve.");
            Trace cached = run(executor, flaky, "Solve.");

            assertThat(failed.calls().getFirst().result()).isInstanceOf(CallResult.Failed.class);
            assertThat(answered.calls().getFirst().result()).isEqualTo(new CallResult.Answered(
                    answered.calls().getFirst().reply().orElseThrow(), 1, false));
            assertThat(((CallResult.Answered) cached.calls().getFirst().result()).cached()).isTrue();
            assertThat(flaky.requests()).hasSize(2);
        }
    }

    @Test
    void identicalCallsAtOnceAllAnswerAndLeaveOneRow() throws Exception {
        int callers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ScriptedWorker worker = ScriptedWorker.answering("w", "42");
        try (Store store = Store.open(dir.resolve("baton.db"))) {
            Executor executor = executor(store, ResponseCacheInterceptor.Mode.READ_WRITE);
            ExecutorService pool = Executors.newFixedThreadPool(callers);
            try {
                List<Future<Trace>> traces = new ArrayList<>();
                for (int i = 0; i < callers; i++) {
                    traces.add(pool.submit(() -> {
                        start.await();
                        return run(executor, worker, "Solve.");
                    }));
                }
                start.countDown();
                for (Future<Trace> trace : traces) {
                    assertThat(trace.get().finalText()).contains("42");
                }
            } finally {
                pool.shutdown();
            }
            assertThat(store.responses().count()).isEqualTo(1);
        }
    }

    @Test
    void aStoreAbandonedWithoutClosingServesWhatWasCommitted() throws Exception {
        Path file = dir.resolve("baton.db");
        ScriptedWorker worker = ScriptedWorker.answering("w", "42");
        Store abandoned = Store.open(file);
        run(executor(abandoned, ResponseCacheInterceptor.Mode.READ_WRITE), worker, "Solve.");

        // The files as a crash would leave them: the reply is in the write-ahead log, never checkpointed or closed.
        Path crashed = Files.createDirectories(dir.resolve("crashed"));
        for (String suffix : List.of("", "-wal")) {
            Path part = dir.resolve("baton.db" + suffix);
            if (Files.exists(part)) {
                Files.copy(part, crashed.resolve("baton.db" + suffix));
            }
        }
        try (Store reopened = Store.open(crashed.resolve("baton.db"));
             Store beside = Store.open(file)) {
            for (Store store : List.of(reopened, beside)) {
                Trace trace = run(executor(store, ResponseCacheInterceptor.Mode.READ_WRITE), worker, "Solve.");
                assertThat(((CallResult.Answered) trace.calls().getFirst().result()).cached()).isTrue();
            }
        } finally {
            abandoned.close();
        }
        assertThat(worker.requests()).hasSize(1);
    }

    @Test
    void readOnlyModeCachesNothingAndRefreshModeAlwaysCallsAndReplaces() {
        ScriptedWorker first = ScriptedWorker.answering("w", "41");
        ScriptedWorker second = ScriptedWorker.answering("w", "42");
        try (Store store = Store.open(dir.resolve("baton.db"))) {
            run(executor(store, ResponseCacheInterceptor.Mode.READ_ONLY), first, "Solve.");
            assertThat(store.responses().count()).isZero();

            run(executor(store, ResponseCacheInterceptor.Mode.READ_WRITE), first, "Solve.");
            Trace refreshed = run(executor(store, ResponseCacheInterceptor.Mode.REFRESH), second, "Solve.");
            Trace read = run(executor(store, ResponseCacheInterceptor.Mode.READ_ONLY), first, "Solve.");

            assertThat(refreshed.finalText()).contains("42");
            assertThat(second.requests()).hasSize(1);
            assertThat(read.finalText()).contains("42");
            assertThat(first.requests()).hasSize(2);
            assertThat(store.responses().count()).isEqualTo(1);
        }
    }

    @Test
    void aReplyTheStoreCannotKeepIsStillReturnedAndTheListenerHearsWhy() throws Exception {
        Path file = dir.resolve("baton.db");
        ScriptedWorker worker = ScriptedWorker.answering("w", "42");
        List<String> heard = new ArrayList<>();
        try (Store store = Store.open(file)) {
            StoreFaults.refuseWrites(file, "response_cache");
            Executor executor = Executor.builder().retry(RetryPolicy.none()).cache(new ResponseCacheInterceptor(store.responses(),
                    ResponseCacheInterceptor.Mode.READ_WRITE, (operation, e) -> heard.add(operation + ": " + e.getMessage()))).build();

            Trace first = run(executor, worker, "Solve.");
            Trace second = run(executor, worker, "Solve.");

            assertThat(first.finalText()).contains("42");
            assertThat(second.calls().getFirst().result()).isInstanceOfSatisfying(CallResult.Answered.class,
                    answered -> assertThat(answered.cached()).isFalse());
            assertThat(worker.requests()).hasSize(2);
            assertThat(heard).hasSize(2).allSatisfy(line -> assertThat(line)
                    .startsWith("WRITE: " + file.toAbsolutePath() + ": ").contains(StoreFaults.READ_ONLY));
        }
    }

    @Test
    void aCacheThatCannotBeReadIsHeardOfAndTheCallIsMade() throws Exception {
        Path file = dir.resolve("baton.db");
        ScriptedWorker worker = ScriptedWorker.answering("w", "42");
        ResponseCacheFailures failures = new ResponseCacheFailures(ResponseCacheInterceptor.Listener.IGNORE);
        try (Store store = Store.open(file)) {
            try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
                 var statement = connection.createStatement()) {
                statement.execute("DROP TABLE response_cache");
            }
            Executor executor = Executor.builder().retry(RetryPolicy.none())
                    .cache(new ResponseCacheInterceptor(store.responses(), ResponseCacheInterceptor.Mode.READ_WRITE, failures)).build();

            Trace trace = run(executor, worker, "Solve.");

            assertThat(trace.finalText()).contains("42");
            assertThat(failures.count()).isEqualTo(2); // the look-up, then keeping the reply
            assertThat(failures.first()).get().satisfies(first -> {
                assertThat(first.operation()).isEqualTo(ResponseCacheInterceptor.Operation.READ);
                assertThat(first.exception()).hasMessageContaining("response_cache");
            });
        }
    }

    private static Executor executor(Store store, ResponseCacheInterceptor.Mode mode) {
        return Executor.builder().retry(RetryPolicy.none()).cache(new ResponseCacheInterceptor(store.responses(), mode)).build();
    }

    private static Trace run(Executor executor, ScriptedWorker worker, String subtask) {
        return executor.run(Workflow.of(Step.independent(worker.id(), subtask)), TASK, Pool.of(List.of(worker)),
                Budget.unlimited());
    }
}
