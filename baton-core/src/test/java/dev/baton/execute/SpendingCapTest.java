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
    void whatEarlierRunsSpentCountsAgainstTheCap() {
        ScriptedWorker worker = ScriptedWorker.answering("w", "x".repeat(400)); // 100 output tokens at $1 per million
        Executor fresh = capped(new SpendingCap(0.0012));
        Executor resumed = capped(new SpendingCap(0.0012, 0.0011, SpendingCap.Ledger.NONE));

        assertThat(run(fresh, worker).calls().getFirst().result()).isInstanceOf(CallResult.Answered.class);
        assertThat(run(resumed, worker).calls().getFirst().result()).isInstanceOfSatisfying(CallResult.Skipped.class,
                skipped -> assertThat(skipped.reason()).startsWith("spending cap:").contains("$0.001100 spent"));
        assertThat(worker.requests()).hasSize(1);
    }

    @Test
    void theLedgerHoldsEachCallsWorstCaseBeforeTheCallAndSettlesItAfter() {
        List<String> ledger = new ArrayList<>();
        ScriptedWorker worker = ScriptedWorker.computing("w", request -> {
            ledger.add("call");
            return "x".repeat(400);
        });
        SpendingCap cap = new SpendingCap(1, 0.25, new SpendingCap.Ledger() {
            @Override
            public void hold(double usd) {
                ledger.add("hold " + usd);
            }

            @Override
            public void settle(double heldUsd, double spentUsd) {
                ledger.add("settle " + heldUsd + " as " + spentUsd);
            }
        });

        Trace trace = run(capped(cap), worker);

        double worstCase = ledger.isEmpty() ? 0 : Double.parseDouble(ledger.getFirst().substring("hold ".length()));
        assertThat(worstCase).isPositive();
        assertThat(ledger).containsExactly("hold " + worstCase, "call", "settle " + worstCase + " as " + trace.costUsd());
        assertThat(cap.spentUsd()).isEqualTo(0.25 + trace.costUsd());
    }

    @Test
    void aCallWhoseHoldCannotBeKeptIsNotMade() {
        ScriptedWorker worker = ScriptedWorker.answering("w", "42");
        SpendingCap cap = new SpendingCap(1, 0, new SpendingCap.Ledger() {
            @Override
            public void hold(double usd) {
                throw new IllegalStateException("baton.db: attempt to write a readonly database");
            }

            @Override
            public void settle(double heldUsd, double spentUsd) {
                throw new AssertionError("nothing was held");
            }
        });

        Trace trace = run(capped(cap), worker);

        assertThat(trace.calls().getFirst().result()).isInstanceOfSatisfying(CallResult.Skipped.class, skipped -> assertThat(
                skipped.reason()).isEqualTo("spending cap: cannot keep what the call may cost: baton.db: attempt to write a readonly database"));
        assertThat(worker.requests()).isEmpty();
        assertThat(cap.spentUsd()).isZero();
    }

    @Test
    void anUnlimitedCapOnlyKeepsTheTally() {
        ScriptedWorker worker = ScriptedWorker.answering("w", "x".repeat(400));
        SpendingCap tally = SpendingCap.unlimited(1e6, SpendingCap.Ledger.NONE);

        Trace trace = run(capped(tally), worker);

        assertThat(trace.calls().getFirst().result()).isInstanceOf(CallResult.Answered.class);
        assertThat(tally.spentUsd()).isEqualTo(1e6 + trace.costUsd());
        assertThat(tally.maxUsd()).isInfinite();
    }

    @Test
    void aCapMustBeAPositiveFiniteAmount() {
        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> new SpendingCap(bad)).as("%s", bad)
                    .isInstanceOf(dev.baton.input.InvalidSettingException.class)
                    .hasMessageStartingWith("a spending cap must be a positive, finite number of USD");
        }
        for (double bad : new double[] {-0.01, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> new SpendingCap(1, bad, SpendingCap.Ledger.NONE)).as("spent %s", bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static Executor capped(SpendingCap cap) {
        return Executor.builder().retry(RetryPolicy.none()).options(CallOptions.defaults().withMaxOutputTokens(100))
                .addInterceptor(cap).build();
    }

    private static Trace run(Executor executor, ScriptedWorker worker) {
        return executor.run(Workflow.of(Step.independent(worker.id(), "Solve.")),
                Task.of("t", "What is 6 * 7?", "42", AnswerType.NUMBER), Pool.of(List.of(worker)), Budget.unlimited());
    }
}
