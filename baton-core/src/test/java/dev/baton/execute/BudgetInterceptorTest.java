package dev.baton.execute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.fixtures.ScriptedWorker;
import dev.baton.pool.Pool;
import dev.baton.task.AnswerType;
import dev.baton.task.Task;
import dev.baton.worker.CallOptions;
import dev.baton.worker.CallRequest;
import dev.baton.worker.ChatMessage;
import dev.baton.worker.Price;
import dev.baton.worker.TaskRef;
import dev.baton.worker.WorkerCard;
import dev.baton.workflow.Step;
import dev.baton.workflow.Workflow;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class BudgetInterceptorTest {

    private static final Task TASK = Task.of("t1", "What is 6 * 7?", "42", AnswerType.NUMBER);
    /** 4,000 characters: 1,000 output tokens at $1 per million, so every call costs just over $0.001. */
    private static final String LONG_REPLY = "x".repeat(4_000);

    @Test
    @Timeout(30)
    void parallelStepsNeverStartACallThatMightOverspend() {
        Trace trace = fiveAtOnce(0.0005, CallOptions.defaults());

        assertThat(trace.callCount()).isZero();
        assertThat(trace.costUsd()).isZero();
        assertThat(trace.calls()).allSatisfy(call -> assertThat(call.result())
                .isInstanceOfSatisfying(CallResult.Skipped.class, skipped -> assertThat(skipped.reason())
                        .startsWith("budget: a call that may cost up to $0.004")
                        .contains("does not fit")));
    }

    @Test
    @Timeout(30)
    void parallelStepsShareTheCostBudgetWithoutOverspending() {
        // The worst case of each call is $0.001006 with 1,000 output tokens: two fit in $0.0025, three do not.
        Trace trace = fiveAtOnce(0.0025, CallOptions.defaults().withMaxOutputTokens(1_000));

        assertThat(trace.callCount()).isEqualTo(2);
        assertThat(trace.costUsd()).isLessThanOrEqualTo(0.0025);
        assertThat(trace.calls()).filteredOn(call -> !call.called()).hasSize(3).allSatisfy(call ->
                assertThat(((CallResult.Skipped) call.result()).reason()).contains("does not fit"));
    }

    @Test
    void actualCostIsSpentAfterEachCall() {
        ScriptedWorker a = ScriptedWorker.answering("a", LONG_REPLY);
        Workflow workflow = Workflow.of(Step.independent("a", "Solve."), Step.seeingAll("a", "Verify."));

        Trace trace = executor(CallOptions.defaults().withMaxOutputTokens(1_000))
                .run(workflow, TASK, Pool.of(List.of(a)), Budget.unlimited().withMaxCostUsd(0.0015));

        assertThat(trace.callCount()).isEqualTo(1);
        assertThat(((CallResult.Skipped) trace.calls().get(1).result()).reason()).contains("$0.001005 spent");
    }

    @Test
    void reservationIsReleasedWhenTheCallEnds() {
        // Each call may cost $0.001 but costs $0.000005: were reservations kept, the third would not fit.
        ScriptedWorker a = ScriptedWorker.answering("a", "42");
        Workflow workflow = Workflow.of(Step.independent("a", "Solve."), Step.independent("a", "Solve."),
                Step.seeingAll("a", "Verify."), Step.seeingAll("a", "Verify again."));

        Trace trace = executor(CallOptions.defaults().withMaxOutputTokens(1_000))
                .run(workflow, TASK, Pool.of(List.of(a)), Budget.unlimited().withMaxCostUsd(0.0025));

        assertThat(trace.callCount()).isEqualTo(4);
    }

    @Test
    void unlimitedBudgetAdmitsEveryCall() {
        ScriptedWorker a = ScriptedWorker.answering("a", LONG_REPLY);
        Workflow workflow = new Workflow(Collections.nCopies(20, Step.independent("a", "Solve.")));

        Trace trace = executor(CallOptions.defaults()).run(workflow, TASK, Pool.of(List.of(a)), Budget.unlimited());

        assertThat(trace.callCount()).isEqualTo(20);
    }

    @Test
    void worstCaseIsTheEstimatedPromptAndTheOutputLimit() {
        Price price = new Price(2, 10);
        WorkerCard worker = WorkerCard.of("w", price);
        CallRequest request = new CallRequest(new TaskRef("t1", AnswerType.NUMBER),
                List.of(ChatMessage.user("x".repeat(21))), CallOptions.defaults()); // 21 characters: 6 tokens

        assertThat(BudgetInterceptor.worstCaseUsd(worker, request)).isEqualTo(price.cost(6, 4_096));
        assertThat(BudgetInterceptor.worstCaseUsd(worker, new CallRequest(request.task(), request.messages(),
                CallOptions.defaults().withMaxOutputTokens(100)))).isEqualTo(price.cost(6, 100));
    }

    @Test
    void aReplyLongerThanTheLimitIsChargedAndStopsTheQuestionsLaterCalls() {
        // The limit says 10 output tokens, but this worker ignores it and writes 1,000: the reservation was ten times
        // too small. Its reply is charged in full, and the step that would have followed is not called.
        Workflow workflow = Workflow.of(Step.independent("a", "Solve."), Step.seeingAll("a", "Verify."));

        Trace trace = executor(CallOptions.defaults().withMaxOutputTokens(10)).run(workflow, TASK,
                Pool.of(List.of(ScriptedWorker.answering("a", LONG_REPLY))), Budget.unlimited().withMaxCostUsd(1.0));

        assertThat(trace.calls().getFirst().reply()).hasValueSatisfying(reply -> assertThat(reply.outputTokens()).isEqualTo(1_000));
        assertThat(trace.costUsd()).isEqualTo(trace.calls().getFirst().reply().orElseThrow().costUsd());
        assertThat(trace.calls().getLast().result()).isInstanceOfSatisfying(CallResult.Skipped.class, skipped ->
                assertThat(skipped.reason()).startsWith("budget: a reply cost $0.001").contains("no further calls"));
    }

    @Test
    void worstCaseUsesTheWorkersOwnLimitWhenTheCallSetsNone() {
        Price price = new Price(2, 10);
        WorkerCard worker = WorkerCard.of("w", price).withDefaultMaxOutputTokens(300);
        CallRequest request = new CallRequest(new TaskRef("t1", AnswerType.NUMBER),
                List.of(ChatMessage.user("x".repeat(21))), CallOptions.defaults());

        assertThat(BudgetInterceptor.worstCaseUsd(worker, request)).isEqualTo(price.cost(6, 300));
        assertThat(BudgetInterceptor.worstCaseUsd(worker, new CallRequest(request.task(), request.messages(),
                CallOptions.defaults().withMaxOutputTokens(100)))).as("the call's own limit wins").isEqualTo(price.cost(6, 100));
    }

    @Test
    void aFailedCallTheProviderBilledIsChargedToTheBudgetAndTheTrace() {
        // A reply with no text (filtered, or its whole limit spent on reasoning) still costs: the budget spends it,
        // so a cap holds against a worker that keeps being billed for nothing. Each call may cost $0.01 and is billed
        // $0.004: the third no longer fits in $0.016 (when failures cost nothing, all three ran).
        dev.baton.worker.Worker billedForNothing = new dev.baton.worker.Worker() {
            @Override
            public WorkerCard card() {
                return WorkerCard.of("empty", new Price(1, 10));
            }

            @Override
            public dev.baton.worker.Reply call(CallRequest request) throws dev.baton.worker.WorkerException {
                throw new dev.baton.worker.WorkerException.Permanent("empty", dev.baton.worker.FailureKind.MALFORMED_REPLY,
                        "empty: the reply holds no text", 0.004);
            }
        };
        Workflow workflow = Workflow.of(Step.independent("empty", "Solve."), Step.seeingAll("empty", "Again."),
                Step.seeingAll("empty", "Once more."));

        Trace trace = executor(CallOptions.defaults().withMaxOutputTokens(1_000)).run(workflow, TASK,
                Pool.of(List.of(billedForNothing)), Budget.unlimited().withMaxCostUsd(0.016));

        assertThat(trace.costUsd()).isEqualTo(0.004 + 0.004);
        assertThat(trace.calls().getLast().result()).isInstanceOfSatisfying(CallResult.Skipped.class, skipped ->
                assertThat(skipped.reason()).contains("does not fit: $0.008000 spent"));
    }

    /** Runs five independent steps whose calls all reach the budget together, each costing $0.001005. */
    private static Trace fiveAtOnce(double capUsd, CallOptions options) {
        CyclicBarrier together = new CyclicBarrier(5);
        Interceptor waitForAll = chain -> {
            try {
                together.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                throw new IllegalStateException("the five steps never ran at once", e);
            }
            return chain.proceed(chain.request());
        };
        Executor executor = Executor.builder().retry(RetryPolicy.none()).options(options)
                .addInterceptor(waitForAll).build();
        Workflow workflow = new Workflow(Collections.nCopies(5, Step.independent("a", "Solve.")));
        return executor.run(workflow, TASK, Pool.of(List.of(ScriptedWorker.answering("a", LONG_REPLY))),
                Budget.unlimited().withMaxCostUsd(capUsd));
    }

    private static Executor executor(CallOptions options) {
        return Executor.builder().retry(RetryPolicy.none()).options(options).build();
    }
}
