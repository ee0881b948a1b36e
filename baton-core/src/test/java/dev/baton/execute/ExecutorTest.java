package dev.baton.execute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.fixtures.ScriptedWorker;
import dev.baton.pool.Pool;
import dev.baton.task.AnswerType;
import dev.baton.task.Task;
import dev.baton.worker.ChatMessage;
import dev.baton.workflow.Access;
import dev.baton.workflow.Step;
import dev.baton.workflow.Workflow;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExecutorTest {

    private static final Task TASK = Task.of("t1", "What is 6 * 7?", "42", AnswerType.NUMBER);
    private final Executor executor = Executor.builder().retry(RetryPolicy.none()).build();

    @Test
    void independentStepsRunConcurrently() {
        Duration delay = Duration.ofMillis(200);
        Pool pool = Pool.of(List.of(
                ScriptedWorker.slow("a", "41", delay),
                ScriptedWorker.slow("b", "42", delay),
                ScriptedWorker.slow("c", "42", delay)));
        Workflow workflow = Workflow.of(
                Step.independent("a", "Solve."),
                Step.independent("b", "Solve."),
                Step.seeingAll("c", "Aggregate the attempts above."));

        long start = System.nanoTime();
        Trace trace = executor.run(workflow, TASK, pool, Budget.unlimited());
        Duration wall = Duration.ofNanos(System.nanoTime() - start);

        List<CallRecord> calls = trace.calls();
        // The two independent steps overlap: each starts before the other ends.
        assertThat(calls.get(0).startedAt()).isLessThan(calls.get(1).endedAt());
        assertThat(calls.get(1).startedAt()).isLessThan(calls.get(0).endedAt());
        // The aggregator waits for both.
        assertThat(calls.get(2).startedAt()).isGreaterThanOrEqualTo(calls.get(0).endedAt());
        assertThat(calls.get(2).startedAt()).isGreaterThanOrEqualTo(calls.get(1).endedAt());
        // Two waves of 200 ms, not three.
        assertThat(wall).isGreaterThanOrEqualTo(Duration.ofMillis(400)).isLessThan(Duration.ofMillis(590));
        assertThat(trace.finalText()).contains("42");
    }

    @Test
    void aggregatorSeesEarlierStepsAsPastTurns() {
        ScriptedWorker a = ScriptedWorker.answering("a", "41");
        ScriptedWorker b = ScriptedWorker.answering("b", "42");
        ScriptedWorker c = ScriptedWorker.answering("c", "42");
        Workflow workflow = Workflow.of(
                Step.independent("a", "Solve."),
                Step.independent("b", "Solve step by step."),
                Step.seeingAll("c", "Aggregate the attempts above."));

        executor.run(workflow, TASK, Pool.of(List.of(a, b, c)), Budget.unlimited());

        assertThat(a.requests().getFirst().messages())
                .containsExactly(ChatMessage.user("What is 6 * 7?\n\nSolve."));
        assertThat(c.requests().getFirst().messages()).containsExactly(
                ChatMessage.user("What is 6 * 7?\n\nSolve."),
                ChatMessage.assistant("41"),
                ChatMessage.user("Solve step by step."),
                ChatMessage.assistant("42"),
                ChatMessage.user("Aggregate the attempts above."));
    }

    @Test
    void stepSeesOnlyTheStepsItsAccessListNames() {
        ScriptedWorker c = ScriptedWorker.answering("c", "42");
        Pool pool = Pool.of(List.of(ScriptedWorker.answering("a", "1"), ScriptedWorker.answering("b", "2"), c));
        Workflow workflow = Workflow.of(
                Step.independent("a", "Plan."),
                Step.independent("b", "Solve."),
                new Step("c", "Check the plan.", Access.steps(List.of(0))));

        executor.run(workflow, TASK, pool, Budget.unlimited());

        assertThat(c.requests().getFirst().visibleReplies()).containsExactly("1");
    }

    @Test
    void budgetStopsFurtherCalls() {
        ScriptedWorker a = ScriptedWorker.answering("a", "42");
        Workflow workflow = Workflow.of(
                Step.independent("a", "Solve."),
                Step.seeingAll("a", "Verify."),
                Step.seeingAll("a", "Verify again."));

        Trace trace = executor.run(workflow, TASK, Pool.of(List.of(a)), Budget.unlimited().withMaxCalls(2));

        assertThat(a.requests()).hasSize(2);
        assertThat(trace.callCount()).isEqualTo(2);
        assertThat(trace.calls().get(2).result()).isInstanceOf(CallResult.Skipped.class);
        assertThat(((CallResult.Skipped) trace.calls().get(2).result()).reason()).contains("2 calls");
        assertThat(trace.finalText()).contains("42");
    }

    @Test
    void costBudgetStopsCallsOnceSpent() {
        ScriptedWorker a = ScriptedWorker.answering("a", "x".repeat(4_000)); // 1,000 output tokens = $0.001
        Workflow workflow = Workflow.of(Step.independent("a", "Solve."), Step.seeingAll("a", "Verify."));

        Trace trace = executor.run(workflow, TASK, Pool.of(List.of(a)), Budget.unlimited().withMaxCostUsd(0.0005));

        assertThat(trace.callCount()).isEqualTo(1);
        assertThat(trace.calls().get(1).result()).isInstanceOf(CallResult.Skipped.class);
    }

    @Test
    void deadlineCutsOffASlowWorker() {
        Pool pool = Pool.of(List.of(ScriptedWorker.slow("slow", "42", Duration.ofSeconds(5))));
        Trace trace = executor.run(Workflow.of(Step.independent("slow", "Solve.")), TASK, pool,
                Budget.unlimited().withDeadline(Duration.ofMillis(100)));

        assertThat(trace.calls().getFirst().result()).isInstanceOf(CallResult.Failed.class);
        assertThat(trace.finalText()).isEmpty();
    }

    @Test
    void failingWorkerIsRecordedNotThrown() {
        Pool pool = Pool.of(List.of(ScriptedWorker.answering("a", "42"), ScriptedWorker.failing("down")));
        Workflow workflow = Workflow.of(Step.independent("a", "Solve."), Step.seeingAll("down", "Verify."));

        Trace trace = executor.run(workflow, TASK, pool, Budget.unlimited());

        CallResult last = trace.calls().get(1).result();
        assertThat(last).isInstanceOf(CallResult.Failed.class);
        assertThat(((CallResult.Failed) last).error()).contains("down is unavailable");
        // The run's answer falls back to the last successful reply.
        assertThat(trace.finalText()).contains("42");
    }

    @Test
    void transientFailuresAreRetried() {
        ScriptedWorker flaky = ScriptedWorker.flaky("flaky", 1, "42");
        Executor retrying = Executor.builder().retry(new RetryPolicy(2, Duration.ZERO)).build();

        Trace trace = retrying.run(Workflow.of(Step.independent("flaky", "Solve.")), TASK,
                Pool.of(List.of(flaky)), Budget.unlimited());

        assertThat(trace.calls().getFirst().attempts()).isEqualTo(2);
        assertThat(trace.finalText()).contains("42");
    }

    @Test
    void workerBugIsRecordedAndNotRetried() {
        ScriptedWorker buggy = ScriptedWorker.computing("buggy", request -> {
            throw new IllegalStateException("bug in worker");
        });
        Executor retrying = Executor.builder().retry(new RetryPolicy(3, Duration.ZERO)).build();

        Trace trace = retrying.run(Workflow.of(Step.independent("buggy", "Solve.")), TASK,
                Pool.of(List.of(buggy)), Budget.unlimited());

        assertThat(trace.calls().getFirst().result()).isInstanceOf(CallResult.Failed.class);
        assertThat(((CallResult.Failed) trace.calls().getFirst().result()).error()).contains("bug in worker");
        assertThat(buggy.requests()).hasSize(1);
    }

    @Test
    void runWithOnlyFailuresHasNoAnswer() {
        Pool pool = Pool.of(List.of(ScriptedWorker.failing("down")));
        Trace trace = executor.run(Workflow.of(Step.independent("down", "Solve.")), TASK, pool, Budget.unlimited());

        assertThat(trace.finalReply()).isEmpty();
        assertThat(trace.callCount()).isEqualTo(1);
    }

    @Test
    void secondRoundSeesTheFirstRound() {
        ScriptedWorker a = ScriptedWorker.answering("a", "41");
        ScriptedWorker b = ScriptedWorker.answering("b", "42");
        Pool pool = Pool.of(List.of(a, b));
        Trace first = executor.run(Workflow.of(Step.independent("a", "Solve.")), TASK, pool, Budget.unlimited());

        Trace both = executor.run(Workflow.of(Step.seeingAll("b", "Check the answer above.")), TASK, pool,
                Budget.unlimited(), first);

        assertThat(both.rounds()).isEqualTo(2);
        assertThat(b.requests().getFirst().visibleReplies()).containsExactly("41");
        assertThat(both.finalText()).contains("42");
    }
}
