package dev.baton.execute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.fixtures.ReachableValues;
import dev.baton.fixtures.ScriptedWorker;
import dev.baton.pool.Pool;
import dev.baton.task.AnswerType;
import dev.baton.task.Task;
import dev.baton.worker.CallRequest;
import dev.baton.worker.ChatMessage;
import dev.baton.worker.TaskRef;
import dev.baton.workflow.Access;
import dev.baton.workflow.Step;
import dev.baton.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ExecutorTest {

    private static final Task TASK = Task.of("t1", "What is 6 * 7?", "42", AnswerType.NUMBER);
    private final Executor executor = Executor.builder().retry(RetryPolicy.none()).build();

    @Test
    @Timeout(30)
    void independentStepsRunConcurrently() {
        // Each independent worker answers only once the other has been called too: run one after the
        // other, the first would give up waiting and fail. No clock decides this test.
        CountDownLatch bothCalled = new CountDownLatch(2);
        Function<CallRequest, String> meet = request -> {
            bothCalled.countDown();
            try {
                return bothCalled.await(10, TimeUnit.SECONDS) ? "42" : "the other step never came";
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        };
        Pool pool = Pool.of(List.of(
                ScriptedWorker.computing("a", meet),
                ScriptedWorker.computing("b", meet),
                ScriptedWorker.answering("c", "42")));
        Workflow workflow = Workflow.of(
                Step.independent("a", "Solve."),
                Step.independent("b", "Solve."),
                Step.seeingAll("c", "Aggregate the attempts above."));

        Trace trace = executor.run(workflow, TASK, pool, Budget.unlimited());

        List<CallRecord> calls = trace.calls();
        assertThat(calls.get(0).reply().orElseThrow().text()).isEqualTo("42");
        assertThat(calls.get(1).reply().orElseThrow().text()).isEqualTo("42");
        // The aggregator starts, by the trace's own clock, no earlier than both steps it sees ended.
        assertThat(calls.get(2).startedAt())
                .isGreaterThanOrEqualTo(calls.get(0).endedAt())
                .isGreaterThanOrEqualTo(calls.get(1).endedAt());
        assertThat(trace.finalText()).contains("42");
    }

    @Test
    void stepStartsOnlyAfterEveryStepItSeesEnded() {
        Pool pool = Pool.of(List.of(
                ScriptedWorker.answering("a", "1"), ScriptedWorker.answering("b", "2"), ScriptedWorker.answering("c", "3")));
        Workflow workflow = Workflow.of(
                Step.independent("a", "Plan."),
                Step.seeingAll("b", "Solve."),
                new Step("c", "Check the plan.", Access.steps(List.of(0))),
                Step.seeingAll("a", "Aggregate."));

        List<CallRecord> calls = executor.run(workflow, TASK, pool, Budget.unlimited()).calls();

        for (int step = 0; step < workflow.size(); step++) {
            for (int seen : workflow.step(step).access().visibleFrom(step)) {
                assertThat(calls.get(step).startedAt()).as("step %d after step %d", step, seen)
                        .isGreaterThanOrEqualTo(calls.get(seen).endedAt());
            }
        }
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
    @Timeout(10) // the worker takes 30 s: only a broken deadline could make the run wait that long
    void deadlineCutsOffASlowWorker() {
        Pool pool = Pool.of(List.of(ScriptedWorker.slow("slow", "42", Duration.ofSeconds(30))));
        Trace trace = executor.run(Workflow.of(Step.independent("slow", "Solve.")), TASK, pool,
                Budget.unlimited().withDeadline(Duration.ofSeconds(1)));

        assertThat(trace.calls().getFirst().result()).isInstanceOfSatisfying(CallResult.Failed.class,
                failed -> assertThat(failed.error()).isEqualTo("no reply before the question's deadline"));
        assertThat(trace.finalText()).isEmpty();
    }

    @Test
    @Timeout(10)
    void onAVirtualThreadTheDeadlineCutsOffASlowWorkerAndAnAnsweredCallsAlarmNeverRingsLater() throws Exception {
        Pool pool = Pool.of(List.of(ScriptedWorker.slow("slow", "42", Duration.ofSeconds(30)), ScriptedWorker.answering("a", "42")));
        AtomicReference<Trace> cut = new AtomicReference<>();
        AtomicReference<Trace> answered = new AtomicReference<>();
        AtomicReference<Throwable> afterwards = new AtomicReference<>();

        Thread caller = Thread.ofVirtual().start(() -> {
            cut.set(executor.run(Workflow.of(Step.independent("slow", "Solve.")), TASK, pool,
                    Budget.unlimited().withDeadline(Duration.ofMillis(300))));
            answered.set(executor.run(Workflow.of(Step.independent("a", "Solve.")), TASK, pool,
                    Budget.unlimited().withDeadline(Duration.ofMillis(300))));
            try {
                Thread.sleep(600); // past the answered call's deadline: an alarm left behind would interrupt this
            } catch (InterruptedException e) {
                afterwards.set(e);
            }
        });
        caller.join();

        assertThat(cut.get().calls().getFirst().result()).isInstanceOfSatisfying(CallResult.Failed.class,
                failed -> assertThat(failed.error()).isEqualTo("no reply before the question's deadline"));
        assertThat(answered.get().finalText()).contains("42");
        assertThat(afterwards.get()).as("an interrupt reached the thread after its calls had ended").isNull();
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
    void permanentFailuresAreNotRetried() {
        ScriptedWorker locked = ScriptedWorker.failingPermanently("locked");
        Executor retrying = Executor.builder().retry(new RetryPolicy(3, Duration.ZERO)).build();

        Trace trace = retrying.run(Workflow.of(Step.independent("locked", "Solve.")), TASK,
                Pool.of(List.of(locked)), Budget.unlimited());

        assertThat(trace.calls().getFirst().result()).isEqualTo(
                new CallResult.Failed("locked rejects the credentials", false, 1));
        assertThat(locked.requests()).hasSize(1);
    }

    @Test
    @Timeout(10) // a retry that ignored the deadline would sleep 60 s
    void retryNeverWaitsPastTheDeadline() {
        ScriptedWorker down = ScriptedWorker.failing("down");
        Executor patient = Executor.builder().retry(new RetryPolicy(3, Duration.ofSeconds(60))).build();

        Trace trace = patient.run(Workflow.of(Step.independent("down", "Solve.")), TASK, Pool.of(List.of(down)),
                Budget.unlimited().withDeadline(Duration.ofSeconds(5)));

        assertThat(trace.calls().getFirst().result()).isEqualTo(new CallResult.Failed("down is unavailable", dev.baton.worker.FailureKind.UNAVAILABLE, true, 1, java.util.Optional.empty()));
        assertThat(down.requests()).hasSize(1);
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
    void workersNeverReceiveTheGoldAnswer() {
        String gold = "gold-7c2e-only-the-grader-knows";
        Task task = new Task("t1", "What is 6 * 7?", gold, AnswerType.NUMBER, Map.of("solution", gold));
        ScriptedWorker a = ScriptedWorker.answering("a", "41");
        ScriptedWorker b = ScriptedWorker.answering("b", "42");
        Pool pool = Pool.of(List.of(a, b));
        Workflow workflow = Workflow.of(
                Step.independent("a", "Solve."),
                Step.seeingAll("b", "Check the attempt above."),
                new Step("a", "Look again.", Access.steps(List.of(1))));

        BudgetMeter meter = BudgetMeter.start(Budget.unlimited());
        Trace first = executor.run(workflow, task, pool, meter, Trace.empty());
        executor.run(Workflow.of(Step.seeingAll("b", "Aggregate.")), task, pool, meter, first);

        List<CallRequest> requests = new ArrayList<>(a.requests());
        requests.addAll(b.requests());
        assertThat(requests).hasSize(4).allSatisfy(request -> {
            assertThat(request.task()).isEqualTo(new TaskRef("t1", AnswerType.NUMBER));
            assertThat(ReachableValues.strings(request)).noneMatch(text -> text.contains(gold));
        });
    }

    @Test
    void secondRoundSeesTheFirstRound() {
        ScriptedWorker a = ScriptedWorker.answering("a", "41");
        ScriptedWorker b = ScriptedWorker.answering("b", "42");
        Pool pool = Pool.of(List.of(a, b));
        BudgetMeter meter = BudgetMeter.start(Budget.unlimited());
        Trace first = executor.run(Workflow.of(Step.independent("a", "Solve.")), TASK, pool, meter, Trace.empty());

        Trace both = executor.run(Workflow.of(Step.seeingAll("b", "Check the answer above.")), TASK, pool, meter, first);

        assertThat(both.rounds()).isEqualTo(2);
        assertThat(b.requests().getFirst().visibleReplies()).containsExactly("41");
        assertThat(both.finalText()).contains("42");
    }
}
