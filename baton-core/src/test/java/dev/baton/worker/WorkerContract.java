package dev.baton.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.offset;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.baton.execute.Budget;
import dev.baton.execute.BudgetMeter;
import dev.baton.execute.CallResult;
import dev.baton.execute.Executor;
import dev.baton.execute.RetryPolicy;
import dev.baton.execute.Trace;
import dev.baton.fixtures.ReachableValues;
import dev.baton.pool.Pool;
import dev.baton.task.Task;
import dev.baton.workflow.Access;
import dev.baton.workflow.Step;
import dev.baton.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every {@link Worker} promises, as tests: each implementation's test extends this class and says how
 * to make its workers.
 *
 * <p>A worker reports usage its price explains, answers concurrent calls, never sees a gold answer, and
 * turns faults into typed {@link WorkerException}s. Run through the {@link Executor}, its failures and its
 * slowness are recorded in the trace and never thrown or waited out past the run's deadline.
 *
 * <p>The factory is asked for a worker per {@link Behaviour}; an implementation that cannot simulate one
 * (a replay has no slow mode, a loopback server may have no permanent fault) returns empty, and the tests
 * that need it are skipped, saying so. A live provider's test answers from a local server that speaks the
 * provider's wire format.
 *
 * <pre>{@code
 * class ScriptedWorkerTest extends WorkerContract {
 *     protected Optional<Worker> worker(Behaviour behaviour) {
 *         return Optional.of(switch (behaviour) {
 *             case ANSWERS -> ScriptedWorker.answering("w", "42");
 *             case SLOW -> ScriptedWorker.slow("w", "42", SLOW_CALL);
 *             ...
 *         });
 *     }
 *     protected Task task() { return Task.of("t1", "What is 6 * 7?", "42", AnswerType.NUMBER); }
 * }
 * }</pre>
 */
public abstract class WorkerContract {

    /** How long a {@link Behaviour#SLOW} worker takes at least: far past any deadline set here. */
    protected static final Duration SLOW_CALL = Duration.ofSeconds(30);

    /** A gold answer no worker could produce by chance; it must never reach a request. */
    private static final String GOLD = "gold-answer-3b1f9c-never-sent";

    /** What the contract asks a worker to do. */
    protected enum Behaviour {
        /** Answers every call about {@link #task()}. */
        ANSWERS,
        /** Fails every call with a transient fault: rate limit, server error, missing recording. */
        FAILS_TRANSIENTLY,
        /** Fails every call with a permanent fault: bad credentials, unknown model. */
        FAILS_PERMANENTLY,
        /** Answers, but only after {@link #SLOW_CALL}, giving up early when its thread is interrupted. */
        SLOW
    }

    /**
     * Returns a new worker that behaves as asked, or empty when this implementation cannot simulate the
     * behaviour.
     */
    protected abstract Optional<Worker> worker(Behaviour behaviour);

    /** Returns a task an {@link Behaviour#ANSWERS} worker can answer; its gold answer is never used. */
    protected abstract Task task();

    @Test
    void reportsUsageItsPriceExplains() throws WorkerException {
        Worker worker = require(Behaviour.ANSWERS);

        Reply reply = worker.call(request("Solve."));

        assertUsageExplained(worker, reply);
    }

    @Test
    @Timeout(60)
    void answersConcurrentCalls() throws Exception {
        Worker worker = require(Behaviour.ANSWERS);
        int calls = 16;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Reply>> replies = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < calls; i++) {
                CallRequest request = request("Solve, attempt " + i + ".");
                replies.add(threads.submit(() -> {
                    start.await();
                    return worker.call(request);
                }));
            }
            start.countDown();
            for (Future<Reply> reply : replies) {
                assertUsageExplained(worker, reply.get()); // get() rethrows whatever a call threw
            }
        }
    }

    @Test
    void neverSeesTheGoldAnswer() {
        Spy spy = new Spy(require(Behaviour.ANSWERS));
        String id = spy.id();
        Task task = withSecretGold(task());
        Executor executor = Executor.builder().retry(RetryPolicy.none()).build();
        Workflow first = Workflow.of(
                Step.independent(id, "Solve."),
                Step.independent(id, "Solve step by step."),
                Step.seeingAll(id, "Aggregate the attempts above."),
                new Step(id, "Check the first attempt.", Access.steps(List.of(0))));

        BudgetMeter meter = BudgetMeter.start(Budget.unlimited());
        Trace trace = executor.run(first, task, Pool.of(List.of(spy)), meter, Trace.empty());
        executor.run(Workflow.of(Step.seeingAll(id, "Check everything above.")), task, Pool.of(List.of(spy)), meter, trace);

        assertThat(spy.requests).hasSize(5);
        for (CallRequest request : spy.requests) {
            assertThat(ReachableValues.strings(request)).noneMatch(text -> text.contains(GOLD));
            assertThat(request.task()).isEqualTo(TaskRef.of(task));
        }
        assertThat(ReachableValues.componentTypes(CallRequest.class)).doesNotContain(Task.class, Object.class);
    }

    @Test
    void turnsATransientFaultIntoARetriableWorkerException() {
        Worker worker = require(Behaviour.FAILS_TRANSIENTLY);

        Throwable thrown = catchThrowable(() -> worker.call(request("Solve.")));

        assertThat(thrown).isInstanceOf(WorkerException.Transient.class);
        assertThat(((WorkerException) thrown).workerId()).isEqualTo(worker.id());
    }

    @Test
    void turnsAPermanentFaultIntoAPermanentWorkerException() {
        Worker worker = require(Behaviour.FAILS_PERMANENTLY);

        Throwable thrown = catchThrowable(() -> worker.call(request("Solve.")));

        assertThat(thrown).isInstanceOf(WorkerException.Permanent.class);
        assertThat(((WorkerException) thrown).workerId()).isEqualTo(worker.id());
    }

    @Test
    void answerIsRecordedThroughTheChain() {
        Worker worker = require(Behaviour.ANSWERS);

        Trace trace = runAlone(worker, RetryPolicy.none(), Budget.unlimited());

        assertThat(trace.calls().getFirst().result()).isInstanceOfSatisfying(CallResult.Answered.class,
                answered -> assertThat(answered.attempts()).isEqualTo(1));
        assertThat(trace.costUsd()).isEqualTo(trace.finalReply().orElseThrow().costUsd());
    }

    @Test
    @Timeout(60)
    void transientFaultIsRetriedAndRecordedNeverThrown() {
        Worker worker = require(Behaviour.FAILS_TRANSIENTLY);

        Trace trace = runAlone(worker, new RetryPolicy(2, Duration.ZERO), Budget.unlimited());

        assertThat(trace.calls().getFirst().result()).isInstanceOfSatisfying(CallResult.Failed.class, failed -> {
            assertThat(failed.retriable()).isTrue();
            assertThat(failed.attempts()).isEqualTo(2);
        });
        assertThat(trace.finalReply()).isEmpty();
    }

    @Test
    @Timeout(60)
    void permanentFaultIsRecordedOnceNeverThrown() {
        Worker worker = require(Behaviour.FAILS_PERMANENTLY);

        Trace trace = runAlone(worker, new RetryPolicy(3, Duration.ZERO), Budget.unlimited());

        assertThat(trace.calls().getFirst().result()).isInstanceOfSatisfying(CallResult.Failed.class, failed -> {
            assertThat(failed.retriable()).isFalse();
            assertThat(failed.attempts()).isEqualTo(1);
        });
    }

    /** A broken deadline shows as this test's timeout, far below {@link #SLOW_CALL}: the call must not hang. */
    @Test
    @Timeout(10)
    void callPastTheDeadlineIsRecordedAsAFailure() {
        Worker worker = require(Behaviour.SLOW);

        Trace trace = runAlone(worker, RetryPolicy.none(), Budget.unlimited().withDeadline(Duration.ofSeconds(1)));

        assertThat(trace.calls().getFirst().result()).isInstanceOfSatisfying(CallResult.Failed.class, failed -> {
            assertThat(failed.retriable()).isTrue();
            assertThat(failed.error()).contains("deadline");
        });
    }

    /**
     * On a virtual thread (as {@code serve} calls) the attempt runs on the caller's thread and the deadline interrupts
     * it: the worker's blocking I/O must end there, and the thread must come back without a stray interrupt.
     */
    @Test
    @Timeout(10)
    void callPastTheDeadlineOnAVirtualThreadIsRecordedAsAFailureAndLeavesTheThreadUninterrupted() throws Exception {
        Worker worker = require(Behaviour.SLOW);
        AtomicReference<Trace> trace = new AtomicReference<>();
        AtomicBoolean interruptedAfter = new AtomicBoolean(true);

        Thread caller = Thread.ofVirtual().start(() -> {
            trace.set(runAlone(worker, RetryPolicy.none(), Budget.unlimited().withDeadline(Duration.ofSeconds(1))));
            interruptedAfter.set(Thread.currentThread().isInterrupted());
        });
        caller.join();

        assertThat(trace.get().calls().getFirst().result()).isInstanceOfSatisfying(CallResult.Failed.class, failed -> {
            assertThat(failed.retriable()).isTrue();
            assertThat(failed.error()).contains("deadline");
        });
        assertThat(interruptedAfter).as("the thread is left interrupted").isFalse();
    }

    private Worker require(Behaviour behaviour) {
        Optional<Worker> worker = worker(behaviour);
        assumeTrue(worker.isPresent(), () -> getClass().getSimpleName() + " cannot simulate a worker that "
                + behaviour.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        return worker.get();
    }

    private CallRequest request(String subtask) {
        Task task = task();
        return new CallRequest(TaskRef.of(task), List.of(ChatMessage.user(task.question() + "\n\n" + subtask)),
                CallOptions.defaults());
    }

    private Trace runAlone(Worker worker, RetryPolicy retry, Budget budget) {
        return Executor.builder().retry(retry).build()
                .run(Workflow.of(Step.independent(worker.id(), "Solve.")), withSecretGold(task()),
                        Pool.of(List.of(worker)), budget);
    }

    private static Task withSecretGold(Task task) {
        return new Task(task.id(), task.question(), GOLD, task.answerType(), Map.of("solution", GOLD));
    }

    private static void assertUsageExplained(Worker worker, Reply reply) {
        assertThat(reply.inputTokens()).isNotNegative();
        assertThat(reply.outputTokens()).isNotNegative();
        assertThat(reply.costUsd()).isNotNegative();
        double expected = worker.card().price().cost(reply.inputTokens(), reply.outputTokens());
        assertThat(reply.costUsd()).isCloseTo(expected, offset(1e-12 + expected * 1e-9));
    }

    /** Passes calls on to a worker and keeps the requests, whatever the worker does with them. */
    private static final class Spy implements Worker {
        private final Worker worker;
        private final List<CallRequest> requests = new CopyOnWriteArrayList<>();

        Spy(Worker worker) {
            this.worker = worker;
        }

        @Override
        public WorkerCard card() {
            return worker.card();
        }

        @Override
        public Reply call(CallRequest request) throws WorkerException {
            requests.add(request);
            return worker.call(request);
        }
    }
}
