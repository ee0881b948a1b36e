package dev.baton.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.fixtures.ScriptedWorker;
import dev.baton.pool.Pool;
import dev.baton.task.AnswerType;
import dev.baton.task.Task;
import dev.baton.worker.ChatMessage;
import dev.baton.workflow.Step;
import dev.baton.workflow.Workflow;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a later round and a conductor's planning calls see of earlier ones. */
class ExecutorRoundsTest {

    private static final Task TASK = Task.of("t1", "What is 6 * 7?", "42", AnswerType.NUMBER);

    @Test
    void anIndependentStepOfALaterRoundSeesNothingOfEarlierRounds() {
        ScriptedWorker a = ScriptedWorker.answering("a", "41");
        ScriptedWorker b = ScriptedWorker.answering("b", "42");
        Pool pool = Pool.of(List.of(a, b));
        Executor executor = Executor.builder().retry(RetryPolicy.none()).build();
        BudgetMeter meter = BudgetMeter.start(Budget.unlimited());
        Trace first = executor.run(Workflow.of(Step.independent("a", "Solve.")), TASK, pool, meter, Trace.empty());

        executor.run(Workflow.of(Step.independent("b", "Solve again.")), TASK, pool, meter, first);

        assertThat(b.requests().getFirst().messages()).containsExactly(ChatMessage.user("What is 6 * 7?\n\nSolve again."));
    }

    @Test
    void aStepWithABlankSubtaskIsAskedTheQuestionAlone() {
        ScriptedWorker a = ScriptedWorker.answering("a", "42");
        Executor executor = Executor.builder().retry(RetryPolicy.none()).build();

        executor.run(Workflow.of(Step.independent("a", " ")), TASK, Pool.of(List.of(a)), Budget.unlimited());

        assertThat(a.requests().getFirst().messages()).containsExactly(ChatMessage.user("What is 6 * 7?"));
    }

    @Test
    void planningCallsAreNumberedWithinTheirRound() {
        ScriptedWorker planner = ScriptedWorker.answering("lm", "plan");
        Executor executor = Executor.builder().retry(RetryPolicy.none()).build();
        List<ChatMessage> ask = List.of(ChatMessage.user("Plan."));
        BudgetMeter meter = BudgetMeter.start(Budget.unlimited());
        CallRecord first = executor.plan(planner, "write the workflow", ask, TASK, meter, Trace.empty());
        Trace planned = Trace.empty().plusPlanning(List.of(first));

        CallRecord second = executor.plan(planner, "write the workflow", ask, TASK, meter, planned);

        assertThat(first.step()).isZero();
        assertThat(second.step()).isEqualTo(1);
        assertThat(second.round()).isZero();
        assertThat(second.role()).contains(Executor.CONDUCTOR_ROLE);
    }

    @Test
    void aCallSiteHasNoNegativeRoundOrStep() {
        assertThatThrownBy(() -> new CallSite(-1, 0, "s", Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CallSite(0, -1, "s", Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThat(new CallSite(0, 0, "s", Optional.empty()).step()).isZero();
    }
}
