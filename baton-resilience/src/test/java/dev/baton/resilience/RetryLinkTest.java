package dev.baton.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.execute.Budget;
import dev.baton.execute.CallResult;
import dev.baton.execute.Executor;
import dev.baton.execute.Trace;
import dev.baton.fixtures.ScriptedWorker;
import dev.baton.pool.Pool;
import dev.baton.task.AnswerType;
import dev.baton.task.Task;
import dev.baton.worker.FailureKind;
import dev.baton.workflow.Step;
import dev.baton.workflow.Workflow;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class RetryLinkTest {

    static final Task TASK = Task.of("t1", "What is 6 * 7?", "42", AnswerType.NUMBER);

    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final ResilienceSettings noJitter = ResilienceSettings.defaults().withJitter(0)
            .withBackoff(Duration.ofMillis(100), Duration.ofMillis(250));

    @Test
    void retriesRetriableFailuresWithDoublingBackoffCappedAtTheMaximum() {
        ScriptedWorker worker = ScriptedWorker.failingFirst("w", 4, FailureKind.SERVER_ERROR, null, "42");

        Trace trace = run(noJitter.withMaxAttempts(5), worker, Budget.unlimited());

        assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(250),
                Duration.ofMillis(250));
        assertThat(trace.calls().getFirst().result()).isInstanceOfSatisfying(CallResult.Answered.class,
                answered -> assertThat(answered.attempts()).isEqualTo(5));
    }

    @Test
    void givesUpAfterMaxAttemptsWithTheLastTypedFailure() {
        ScriptedWorker worker = ScriptedWorker.failingFirst("w", 10, FailureKind.MALFORMED_REPLY, null, "42");

        Trace trace = run(noJitter.withMaxAttempts(3), worker, Budget.unlimited());

        assertThat(worker.requests()).hasSize(3);
        assertThat(waits).hasSize(2);
        assertThat(trace.calls().getFirst().result()).isInstanceOfSatisfying(CallResult.Failed.class, failed -> {
            assertThat(failed.kind()).isEqualTo(FailureKind.MALFORMED_REPLY);
            assertThat(failed.attempts()).isEqualTo(3);
        });
    }

    @Test
    void fullJitterWaitsARandomShareOfTheBackoff() {
        ScriptedWorker worker = ScriptedWorker.failingFirst("w", 1, FailureKind.NETWORK, null, "42");
        Resilience resilience = Resilience.of(noJitter.withJitter(1), Clock.systemUTC(), waits::add, () -> 0.75);

        resilience.applyTo(Executor.builder()).build().run(Workflow.of(Step.independent("w", "Solve.")), TASK,
                Pool.of(List.of(worker)), Budget.unlimited());

        assertThat(waits).containsExactly(Duration.ofMillis(25));
    }

    @Test
    void waitsAtLeastAsLongAsTheProviderAsked() {
        ScriptedWorker worker = ScriptedWorker.failingFirst("w", 1, FailureKind.RATE_LIMITED, Duration.ofSeconds(7), "42");

        Trace trace = run(noJitter, worker, Budget.unlimited());

        assertThat(waits).containsExactly(Duration.ofSeconds(7));
        assertThat(trace.finalText()).contains("42");
    }

    @Test
    void neverRetriesAPermanentFailure() {
        ScriptedWorker worker = ScriptedWorker.failingFirst("w", 1, FailureKind.AUTHENTICATION, null, "42");

        Trace trace = run(noJitter, worker, Budget.unlimited());

        assertThat(waits).isEmpty();
        assertThat(worker.requests()).hasSize(1);
        assertThat(trace.calls().getFirst().result()).isInstanceOfSatisfying(CallResult.Failed.class,
                failed -> assertThat(failed.kind()).isEqualTo(FailureKind.AUTHENTICATION));
    }

    @Test
    void neverWaitsPastTheRunsDeadline() {
        ScriptedWorker worker = ScriptedWorker.failingFirst("w", 1, FailureKind.RATE_LIMITED, Duration.ofHours(2), "42");

        Trace trace = run(noJitter, worker, Budget.unlimited().withDeadline(Duration.ofHours(1)));

        assertThat(waits).isEmpty();
        assertThat(trace.calls().getFirst().result()).isInstanceOfSatisfying(CallResult.Failed.class, failed -> {
            assertThat(failed.kind()).isEqualTo(FailureKind.RATE_LIMITED);
            assertThat(failed.retryAfter()).contains(Duration.ofHours(2));
            assertThat(failed.attempts()).isEqualTo(1);
        });
    }

    @Test
    void failsAtOnceWhenTheProviderAsksForAWaitBeyondTheMost() {
        ScriptedWorker worker = ScriptedWorker.failingFirst("w", 1, FailureKind.RATE_LIMITED, Duration.ofSeconds(100_000), "42");

        Trace trace = run(noJitter, worker, Budget.unlimited());

        assertThat(waits).isEmpty();
        assertThat(worker.requests()).hasSize(1);
        assertThat(trace.calls().getFirst().result()).isInstanceOfSatisfying(CallResult.Failed.class, failed -> {
            assertThat(failed.kind()).isEqualTo(FailureKind.RATE_LIMITED);
            assertThat(failed.attempts()).isEqualTo(1);
            assertThat(failed.error()).contains("100000 s", "60 s");
        });
    }

    @Test
    void waitsAsLongAsTheProviderAsksUpToTheMost() {
        ScriptedWorker worker = ScriptedWorker.failingFirst("w", 1, FailureKind.RATE_LIMITED, Duration.ofSeconds(60), "42");

        Trace trace = run(noJitter, worker, Budget.unlimited());

        assertThat(waits).containsExactly(Duration.ofSeconds(60));
        assertThat(trace.finalText()).contains("42");
    }

    @Test
    void theMostWaitedForIsASetting() {
        ScriptedWorker worker = ScriptedWorker.failingFirst("w", 1, FailureKind.SERVER_ERROR, Duration.ofSeconds(7), "42");

        Trace trace = run(noJitter.withMaxRetryAfter(Duration.ofSeconds(5)), worker, Budget.unlimited());

        assertThat(waits).isEmpty();
        assertThat(trace.calls().getFirst().result()).isInstanceOfSatisfying(CallResult.Failed.class, failed -> {
            assertThat(failed.kind()).as("the provider's own kind of failure").isEqualTo(FailureKind.SERVER_ERROR);
            assertThat(failed.error()).contains("7 s", "5 s");
        });
    }

    @Test
    void eachWorkerRetriesUnderItsOwnName() {
        Resilience resilience = Resilience.of(noJitter, Clock.systemUTC(), waits::add, () -> 0);
        Pool pool = Pool.of(List.of(ScriptedWorker.flaky("a", 1, "41"), ScriptedWorker.flaky("b", 1, "42")));

        resilience.applyTo(Executor.builder()).build().run(
                Workflow.of(Step.independent("a", "Solve."), Step.independent("b", "Solve.")), TASK, pool, Budget.unlimited());

        assertThat(resilience.retries().retry("a").getMetrics().getNumberOfSuccessfulCallsWithRetryAttempt()).isEqualTo(1);
        assertThat(resilience.retries().retry("b").getMetrics().getNumberOfSuccessfulCallsWithRetryAttempt()).isEqualTo(1);
    }

    private Trace run(ResilienceSettings settings, ScriptedWorker worker, Budget budget) {
        Resilience resilience = Resilience.of(settings, Clock.systemUTC(), waits::add, () -> 0);
        return resilience.applyTo(Executor.builder()).build().run(Workflow.of(Step.independent(worker.id(), "Solve.")), TASK,
                Pool.of(List.of(worker)), budget);
    }
}
