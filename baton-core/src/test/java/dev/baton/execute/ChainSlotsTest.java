package dev.baton.execute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.fixtures.ScriptedWorker;
import dev.baton.pool.Pool;
import dev.baton.task.AnswerType;
import dev.baton.task.Task;
import dev.baton.worker.Reply;
import dev.baton.workflow.Step;
import dev.baton.workflow.Workflow;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The slots an {@link Executor.Builder} fills: cache before the budget, retry, and the links of each attempt. */
class ChainSlotsTest {

    private static final Task TASK = Task.of("t1", "What is 6 * 7?", "42", AnswerType.NUMBER);
    private static final Reply CACHED = new Reply("42", 3, 1, 0, Duration.ZERO);

    @Test
    void aCachedAnswerSpendsNoCallOfTheBudget() {
        ScriptedWorker a = ScriptedWorker.answering("a", "41");
        Executor executor = Executor.builder().retry(RetryPolicy.none())
                .cache(chain -> new CallResult.Answered(CACHED, 0, true)).build();

        Trace trace = executor.run(Workflow.of(Step.independent("a", "Solve."), Step.independent("a", "Again.")), TASK,
                Pool.of(List.of(a)), Budget.unlimited().withMaxCalls(1));

        // Were the cache inside the budget, the second step would be skipped: one call allowed.
        assertThat(trace.calls()).allSatisfy(call -> assertThat(call.result()).isEqualTo(new CallResult.Answered(CACHED, 0, true)));
        assertThat(a.requests()).isEmpty();
        assertThat(trace.costUsd()).isZero();
    }

    @Test
    void addedInterceptorsSeeWhatTheCacheAnswers() {
        List<String> seen = new CopyOnWriteArrayList<>();
        Executor executor = Executor.builder().retry(RetryPolicy.none())
                .cache(chain -> new CallResult.Answered(CACHED, 0, true))
                .addInterceptor(chain -> {
                    CallResult result = chain.proceed(chain.request());
                    seen.add("cached " + ((CallResult.Answered) result).cached());
                    return result;
                })
                .build();

        executor.run(Workflow.of(Step.independent("a", "Solve.")), TASK, Pool.of(List.of(ScriptedWorker.answering("a", "41"))),
                Budget.unlimited());

        assertThat(seen).containsExactly("cached true");
    }

    @Test
    void perAttemptLinksSeeEveryAttemptInTheOrderGiven() {
        List<String> seen = new CopyOnWriteArrayList<>();
        ScriptedWorker flaky = ScriptedWorker.flaky("flaky", 2, "42");
        Executor executor = Executor.builder().retry(new RetryPolicy(3, Duration.ZERO))
                .perAttempt(naming("outer", seen), naming("inner", seen)).build();

        Trace trace = executor.run(Workflow.of(Step.independent("flaky", "Solve.")), TASK, Pool.of(List.of(flaky)),
                Budget.unlimited());

        assertThat(seen).containsExactly("outer", "inner", "outer", "inner", "outer", "inner");
        assertThat(trace.calls().getFirst().attempts()).isEqualTo(3);
    }

    @Test
    void anInterceptorReplacesTheBuiltInRetry() {
        ScriptedWorker flaky = ScriptedWorker.flaky("flaky", 4, "42");
        Interceptor untilAnswered = chain -> {
            CallResult result = chain.proceed(chain.request());
            int attempts = 1;
            while (result instanceof CallResult.Failed) {
                result = chain.proceed(chain.request());
                attempts++;
            }
            return new CallResult.Answered(((CallResult.Answered) result).reply(), attempts);
        };
        Executor executor = Executor.builder().retry(untilAnswered).build();

        Trace trace = executor.run(Workflow.of(Step.independent("flaky", "Solve.")), TASK, Pool.of(List.of(flaky)),
                Budget.unlimited());

        assertThat(trace.calls().getFirst().attempts()).isEqualTo(5);
        assertThat(trace.finalText()).contains("42");
    }

    @Test
    void aRetryPolicySetLaterReplacesARetryInterceptor() {
        ScriptedWorker failing = ScriptedWorker.failing("down");
        Executor executor = Executor.builder().retry(chain -> {
            throw new AssertionError("replaced");
        }).retry(RetryPolicy.none()).build();

        Trace trace = executor.run(Workflow.of(Step.independent("down", "Solve.")), TASK, Pool.of(List.of(failing)),
                Budget.unlimited());

        assertThat(trace.calls().getFirst().attempts()).isEqualTo(1);
        assertThat(failing.requests()).hasSize(1);
    }

    private static Interceptor naming(String name, List<String> seen) {
        return chain -> {
            seen.add(name);
            return chain.proceed(chain.request());
        };
    }
}
