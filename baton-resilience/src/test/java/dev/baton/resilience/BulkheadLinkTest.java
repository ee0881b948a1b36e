package dev.baton.resilience;

import static dev.baton.resilience.RetryLinkTest.TASK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.execute.Budget;
import dev.baton.execute.BudgetState;
import dev.baton.execute.CallResult;
import dev.baton.execute.CallSite;
import dev.baton.execute.Executor;
import dev.baton.execute.Interceptor;
import dev.baton.execute.Trace;
import dev.baton.fixtures.ScriptedWorker;
import dev.baton.pool.Pool;
import dev.baton.worker.CallOptions;
import dev.baton.worker.CallRequest;
import dev.baton.worker.ChatMessage;
import dev.baton.worker.FailureKind;
import dev.baton.worker.Price;
import dev.baton.worker.Reply;
import dev.baton.worker.TaskRef;
import dev.baton.worker.WorkerCard;
import dev.baton.workflow.Step;
import dev.baton.workflow.Workflow;
import io.github.resilience4j.bulkhead.Bulkhead;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class BulkheadLinkTest {

    private static final Reply REPLY = new Reply("42", 1, 1, 0, Duration.ZERO);

    @Test
    void limitsTheCallsInFlightToOneWorker() {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ScriptedWorker counting = ScriptedWorker.computing("w", request -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(2); // gives the steps a chance to overlap; the bound holds however they interleave
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            return "42";
        });
        Resilience resilience = Resilience.of(ResilienceSettings.defaults().withMaxConcurrentCalls(2));
        List<Step> steps = java.util.stream.IntStream.range(0, 12).mapToObj(i -> Step.independent("w", "Solve " + i)).toList();

        Trace trace = resilience.applyTo(Executor.builder()).build().run(new Workflow(steps), TASK,
                Pool.of(List.of(counting)), Budget.unlimited());

        assertThat(most.get()).isBetween(1, 2);
        assertThat(trace.calls()).allSatisfy(call -> assertThat(call.reply()).isPresent());
    }

    @Test
    void noPlaceBeforeTheDeadlineIsATypedFailureThatNeverReachesTheWorker() throws Exception {
        Resilience resilience = Resilience.of(ResilienceSettings.defaults().withMaxConcurrentCalls(1));
        Interceptor bulkhead = new BulkheadLink(resilience.bulkheads());
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<CallResult> first = CompletableFuture.supplyAsync(() -> bulkhead.intercept(chain(Duration.ofHours(1), () -> {
            holding.countDown();
            await(release);
            return new CallResult.Answered(REPLY, 1);
        })));
        holding.await();
        AtomicInteger reached = new AtomicInteger();

        CallResult second = bulkhead.intercept(chain(Duration.ofMillis(20), () -> {
            reached.incrementAndGet();
            return new CallResult.Answered(REPLY, 1);
        }));
        release.countDown();

        assertThat(second).isInstanceOfSatisfying(CallResult.Failed.class, failed -> {
            assertThat(failed.kind()).isEqualTo(FailureKind.TIMEOUT);
            assertThat(failed.retriable()).isTrue();
            assertThat(failed.error()).contains("no free place for a call to w before the run's deadline");
        });
        assertThat(reached).hasValue(0);
        assertThat(first.get(10, TimeUnit.SECONDS)).isInstanceOf(CallResult.Answered.class);
        // The abandoned waiter gets the place once the first call ends, and hands it straight back.
        Bulkhead limit = resilience.bulkheads().bulkhead("w");
        for (int i = 0; i < 1_000 && limit.getMetrics().getAvailableConcurrentCalls() < 1; i++) {
            Thread.sleep(10);
        }
        assertThat(limit.getMetrics().getAvailableConcurrentCalls()).isEqualTo(1);
    }

    @Test
    void aPassedDeadlineFailsWithoutWaiting() {
        Interceptor bulkhead = new BulkheadLink(Resilience.of(ResilienceSettings.defaults()).bulkheads());

        CallResult result = bulkhead.intercept(chain(Duration.ZERO, () -> new CallResult.Answered(REPLY, 1)));

        assertThat(result).isInstanceOfSatisfying(CallResult.Failed.class,
                failed -> assertThat(failed.kind()).isEqualTo(FailureKind.TIMEOUT));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A chain to worker {@code w} with {@code timeLeft} before the deadline, whose rest answers with {@code rest}. */
    private static Interceptor.Chain chain(Duration timeLeft, Supplier<CallResult> rest) {
        CallRequest request = new CallRequest(TaskRef.of(TASK), List.of(ChatMessage.user("Solve.")), CallOptions.defaults());
        BudgetState budget = TimeLeft.of(timeLeft);
        return new Interceptor.Chain() {
            @Override public CallRequest request() { return request; }
            @Override public WorkerCard worker() { return WorkerCard.of("w", new Price(1, 1)); }
            @Override public CallSite site() { return new CallSite(0, 0, "Solve."); }
            @Override public BudgetState budget() { return budget; }
            @Override public CallResult proceed(CallRequest next) { return rest.get(); }
        };
    }
}
