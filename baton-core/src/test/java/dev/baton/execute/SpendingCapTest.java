package dev.baton.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.fixtures.ScriptedWorker;
import dev.baton.pool.Pool;
import dev.baton.task.AnswerType;
import dev.baton.task.Task;
import dev.baton.worker.CallOptions;
import dev.baton.workflow.Step;
import dev.baton.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SpendingCapTest {

    @Test
    void manyRunsInParallelNeverSpendMoreThanTheCap() throws Exception {
        ScriptedWorker worker = ScriptedWorker.answering("w", "x".repeat(400)); // 100 output tokens at $1 per million
        SpendingCap cap = new SpendingCap(0.0012);
        Executor executor = Executor.builder().retry(RetryPolicy.none()).options(CallOptions.defaults().withMaxOutputTokens(100))
                .addInterceptor(cap).build();
        Pool pool = Pool.of(List.of(worker));
        Workflow five = new Workflow(List.of(Step.independent("w", "a"), Step.independent("w", "b"), Step.independent("w", "c"),
                Step.independent("w", "d"), Step.independent("w", "e")));
        List<Trace> traces = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            List<Future<Trace>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Task task = Task.of("t" + i, "Question " + i + "?", "1", AnswerType.NUMBER);
                futures.add(threads.submit(() -> executor.run(five, task, pool, Budget.unlimited())));
            }
            for (Future<Trace> future : futures) {
                traces.add(future.get());
            }
        }

        double spent = traces.stream().mapToDouble(Trace::costUsd).sum();
        assertThat(spent).isEqualTo(cap.spentUsd()).isLessThanOrEqualTo(0.0012).isPositive();
        assertThat(traces.stream().flatMap(t -> t.calls().stream()).filter(c -> c.result() instanceof CallResult.Skipped))
                .isNotEmpty()
                .allSatisfy(call -> assertThat(((CallResult.Skipped) call.result()).reason()).startsWith("spending cap:"));
    }

    @Test
    void aCapMustBeAPositiveFiniteAmount() {
        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> new SpendingCap(bad)).as("%s", bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
