package dev.baton.resilience;

import static dev.baton.resilience.RetryLinkTest.TASK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.execute.Budget;
import dev.baton.execute.CallResult;
import dev.baton.execute.Executor;
import dev.baton.execute.Trace;
import dev.baton.fixtures.ScriptedWorker;
import dev.baton.pool.Pool;
import dev.baton.worker.FailureKind;
import dev.baton.workflow.Step;
import dev.baton.workflow.Workflow;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class CircuitBreakerLinkTest {

    private final MutableClock clock = new MutableClock();
    /** One attempt per step, so each step is one attempt the circuit counts; open after 2 of the last 4 failed. */
    private final Resilience resilience = Resilience.of(ResilienceSettings.defaults().withMaxAttempts(1)
            .withCircuitBreaker(50, 4, Duration.ofSeconds(30)), clock, wait -> { }, () -> 0);
    private final Executor executor = resilience.applyTo(Executor.builder()).build();

    @Test
    void opensAfterFailuresInTheWindowAndThenFailsAtOnceWithoutCallingTheWorker() {
        ScriptedWorker down = ScriptedWorker.failingFirst("down", 100, FailureKind.SERVER_ERROR, null, "42");
        Pool pool = Pool.of(List.of(down));
        for (int i = 0; i < 4; i++) {
            run("down", pool);
        }

        Trace trace = run("down", pool);

        assertThat(down.requests()).hasSize(4);
        assertThat(trace.calls().getFirst().result()).isInstanceOfSatisfying(CallResult.Failed.class, failed -> {
            assertThat(failed.kind()).isEqualTo(FailureKind.UNAVAILABLE);
            assertThat(failed.retriable()).isFalse();
            assertThat(failed.error()).startsWith("circuit open for down: 100% of its last 4 attempts failed");
        });
    }

    @Test
    void oneWorkersOutageLeavesAnotherAlone() {
        ScriptedWorker down = ScriptedWorker.failingFirst("down", 100, FailureKind.TIMEOUT, null, "41");
        ScriptedWorker up = ScriptedWorker.answering("up", "42");
        Pool pool = Pool.of(List.of(down, up));
        for (int i = 0; i < 4; i++) {
            run("down", pool);
        }

        Trace trace = executor.run(Workflow.of(Step.independent("down", "Solve."), Step.seeingAll("up", "Check.")), TASK,
                pool, Budget.unlimited());

        assertThat(resilience.circuitBreakers().circuitBreaker("down").getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(resilience.circuitBreakers().circuitBreaker("up").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(trace.calls().getFirst().result()).isInstanceOf(CallResult.Failed.class);
        assertThat(trace.finalText()).contains("42");
    }

    @Test
    void letsATrialThroughAfterTheOpenDurationAndClosesWhenItAnswers() {
        ScriptedWorker recovering = ScriptedWorker.failingFirst("r", 4, FailureKind.SERVER_ERROR, null, "42");
        Pool pool = Pool.of(List.of(recovering));
        for (int i = 0; i < 4; i++) {
            run("r", pool);
        }
        clock.advance(Duration.ofSeconds(29));
        assertThat(run("r", pool).finalText()).isEmpty();
        assertThat(recovering.requests()).hasSize(4);

        clock.advance(Duration.ofSeconds(2));
        Trace trial = run("r", pool);

        assertThat(trial.finalText()).contains("42");
        assertThat(recovering.requests()).hasSize(5);
        assertThat(resilience.circuitBreakers().circuitBreaker("r").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void permanentFailuresDoNotOpenTheCircuit() {
        ScriptedWorker rejecting = ScriptedWorker.failingFirst("bad", 100, FailureKind.INVALID_REQUEST, null, "42");
        Pool pool = Pool.of(List.of(rejecting));
        for (int i = 0; i < 6; i++) {
            run("bad", pool);
        }

        assertThat(rejecting.requests()).hasSize(6);
        assertThat(resilience.circuitBreakers().circuitBreaker("bad").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    private Trace run(String worker, Pool pool) {
        return executor.run(Workflow.of(Step.independent(worker, "Solve.")), TASK, pool, Budget.unlimited());
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private volatile Instant now = Instant.parse("2025-01-01T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
