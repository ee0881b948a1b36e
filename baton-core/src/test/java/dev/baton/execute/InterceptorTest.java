package dev.baton.execute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.fixtures.ScriptedWorker;
import dev.baton.pool.Pool;
import dev.baton.task.AnswerType;
import dev.baton.task.Task;
import dev.baton.worker.CallRequest;
import dev.baton.worker.ChatMessage;
import dev.baton.worker.Reply;
import dev.baton.workflow.Step;
import dev.baton.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class InterceptorTest {

    private static final Task TASK = Task.of("t1", "What is 6 * 7?", "42", AnswerType.NUMBER);

    @Test
    void addedInterceptorsSeeEachStepOnceInTheOrderAdded() {
        List<String> seen = new CopyOnWriteArrayList<>();
        ScriptedWorker flaky = ScriptedWorker.flaky("flaky", 1, "42");
        Executor executor = Executor.builder().retry(new RetryPolicy(2, Duration.ZERO))
                .addInterceptor(logging("outer", seen))
                .addInterceptor(logging("inner", seen))
                .build();

        Trace trace = executor.run(Workflow.of(Step.independent("flaky", "Solve.")), TASK,
                Pool.of(List.of(flaky)), Budget.unlimited());

        // Retries happen inside: the added interceptors see one call, and its final result.
        assertThat(seen).containsExactly("outer before", "inner before", "inner after 2 attempts",
                "outer after 2 attempts");
        assertThat(flaky.requests()).hasSize(2);
        assertThat(trace.calls().getFirst().attempts()).isEqualTo(2);
    }

    @Test
    void interceptorSeesWhichStepAndWorkerTheCallServes() {
        List<String> seen = new CopyOnWriteArrayList<>();
        Interceptor context = chain -> {
            seen.add(chain.site() + " " + chain.worker().id() + " " + chain.budget().budget().maxCalls());
            return chain.proceed(chain.request());
        };
        Executor executor = Executor.builder().retry(RetryPolicy.none()).addInterceptor(context).build();
        Pool pool = Pool.of(List.of(ScriptedWorker.answering("a", "41"), ScriptedWorker.answering("b", "42")));

        BudgetMeter meter = BudgetMeter.start(Budget.unlimited().withMaxCalls(5));
        Trace first = executor.run(Workflow.of(Step.independent("a", "Solve.")), TASK, pool, meter, Trace.empty());
        executor.run(Workflow.of(Step.seeingAll("b", "Check.")), TASK, pool, meter, first);

        assertThat(seen).containsExactly(
                new CallSite(0, 0, "Solve.") + " a 5",
                new CallSite(1, 0, "Check.") + " b 5");
    }

    @Test
    void interceptorMayAnswerWithoutCallingTheWorkerAndTheCallIsStillRecorded() {
        ScriptedWorker a = ScriptedWorker.answering("a", "41");
        Reply cached = new Reply("42", 0, 0, 0, Duration.ZERO);
        Executor executor = Executor.builder().retry(RetryPolicy.none())
                .addInterceptor(chain -> new CallResult.Answered(cached, 1)).build();

        Trace trace = executor.run(Workflow.of(Step.independent("a", "Solve.")), TASK, Pool.of(List.of(a)),
                Budget.unlimited());

        assertThat(a.requests()).isEmpty();
        assertThat(trace.calls().getFirst().reply()).contains(cached);
        assertThat(trace.calls().getFirst().messages()).containsExactly(ChatMessage.user("What is 6 * 7?\n\nSolve."));
    }

    @Test
    void interceptorMayChangeTheRequest() {
        ScriptedWorker a = ScriptedWorker.answering("a", "42");
        Interceptor brief = chain -> {
            List<ChatMessage> messages = new ArrayList<>(chain.request().messages());
            messages.addFirst(ChatMessage.system("Be brief."));
            CallRequest request = chain.request();
            return chain.proceed(new CallRequest(request.task(), messages, request.options()));
        };
        Executor executor = Executor.builder().retry(RetryPolicy.none()).addInterceptor(brief).build();

        executor.run(Workflow.of(Step.independent("a", "Solve.")), TASK, Pool.of(List.of(a)), Budget.unlimited());

        assertThat(a.requests().getFirst().messages()).startsWith(ChatMessage.system("Be brief."));
    }

    @Test
    void interceptorBugIsRecordedNotThrown() {
        Interceptor buggy = chain -> {
            throw new IllegalStateException("bug in interceptor");
        };
        Executor executor = Executor.builder().retry(new RetryPolicy(3, Duration.ZERO)).addInterceptor(buggy).build();
        Pool pool = Pool.of(List.of(ScriptedWorker.answering("a", "42")));

        Trace trace = executor.run(Workflow.of(Step.independent("a", "Solve."), Step.seeingAll("a", "Verify.")),
                TASK, pool, Budget.unlimited());

        assertThat(trace.calls()).hasSize(2).allSatisfy(call -> assertThat(call.result())
                .isInstanceOfSatisfying(CallResult.Failed.class, failed -> {
                    assertThat(failed.error()).contains("bug in interceptor");
                    assertThat(failed.retriable()).isFalse();
                }));
    }

    private static Interceptor logging(String name, List<String> seen) {
        return chain -> {
            seen.add(name + " before");
            CallResult result = chain.proceed(chain.request());
            seen.add(name + " after " + attempts(result) + " attempts");
            return result;
        };
    }

    private static int attempts(CallResult result) {
        return result instanceof CallResult.Answered answered ? answered.attempts() : 0;
    }
}
