package dev.baton.conduct.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.conduct.Conductor;
import dev.baton.conduct.Orchestrator;
import dev.baton.conduct.Plan;
import dev.baton.conduct.PlanningCalls;
import dev.baton.execute.Budget;
import dev.baton.execute.Executor;
import dev.baton.execute.RetryPolicy;
import dev.baton.execute.Trace;
import dev.baton.fixtures.ScriptedWorker;
import dev.baton.pool.Pool;
import dev.baton.task.AnswerType;
import dev.baton.task.Task;
import dev.baton.workflow.Access;
import dev.baton.workflow.Workflow;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BaselineConductorsTest {

    private static final Task TASK = Task.of("t1", "What is 6 * 7?", "# 42", AnswerType.NUMBER);
    private final Pool pool = Pool.of(List.of(
            ScriptedWorker.answering("a", "The answer is 41."),
            ScriptedWorker.answering("b", "{\"answer\": \"42\"}"),
            ScriptedWorker.answering("c", "So the result is 42.0"),
            ScriptedWorker.failing("down")));
    private final Orchestrator orchestrator = new Orchestrator(
            Executor.builder().retry(RetryPolicy.none()).build(), pool, Budget.unlimited(), 2);

    @Test
    void soloAsksOneWorkerOnceThenAccepts() {
        Orchestrator.Result result = orchestrator.answer(new SoloConductor("b"), TASK, pool.view());

        assertThat(result.trace().callCount()).isEqualTo(1);
        assertThat(result.trace().rounds()).isEqualTo(1);
        assertThat(result.answer()).contains("{\"answer\": \"42\"}");
    }

    @Test
    void voteReturnsThePluralityAnswerComparedByTheGrader() {
        // 42 and 42.0 are one answer for the number grader, so they outvote 41 although 41 comes first.
        Orchestrator.Result result = orchestrator.answer(new VoteConductor(List.of("a", "b", "c"), "vote"), TASK, pool.view());

        assertThat(result.trace().callCount()).isEqualTo(3);
        assertThat(result.answer()).contains("{\"answer\": \"42\"}");
    }

    @Test
    void voteTieGoesToTheWorkerListedFirst() {
        Orchestrator.Result result = orchestrator.answer(new VoteConductor(List.of("a", "b"), "vote"), TASK, pool.view());
        assertThat(result.answer()).contains("The answer is 41.");
    }

    @Test
    void voteIgnoresWorkersThatFailed() {
        Orchestrator.Result result = orchestrator.answer(new VoteConductor(List.of("down", "c"), "vote"), TASK, pool.view());
        assertThat(result.answer()).contains("So the result is 42.0");
    }

    @Test
    void moaRunsProposersInParallelThenAnAggregatorThatSeesAll() {
        Plan plan = new MoaConductor(List.of("a", "b"), "c", "moa").start(TASK, pool.view(), PlanningCalls.none()).next(Trace.empty());

        Workflow workflow = ((Plan.Run) plan).workflow();
        assertThat(workflow.steps()).extracting(s -> s.access()).containsExactly(Access.NONE, Access.NONE, Access.ALL);
        assertThat(workflow.step(2).workerId()).isEqualTo("c");
        assertThatThrownBy(() -> new MoaConductor(List.of("a", "b", "c", "a", "b"), "c", "moa"))
                .hasMessageContaining("1 to 4 proposers");
    }

    @Test
    void oracleAsksAWorkerKnownToBeRight() {
        Conductor oracle = new OracleConductor((task, worker) -> worker.equals("c"));
        Orchestrator.Result result = orchestrator.answer(oracle, TASK, pool.view());
        assertThat(result.answer()).contains("So the result is 42.0");
    }

    @Test
    void oracleFallsBackToTheFirstWorkerWhenNobodyIsRight() {
        Conductor oracle = new OracleConductor((task, worker) -> false);
        Plan plan = oracle.start(TASK, pool.view(), PlanningCalls.none()).next(Trace.empty());
        assertThat(((Plan.Run) plan).workflow().step(0).workerId()).isEqualTo("a");
    }

    @Test
    void randomDrawsDifferentWorkersForDifferentTasksButTheSameForTheSameTask() {
        RandomConductor random = new RandomConductor(0);
        Set<String> drawn = IntStream.range(0, 50)
                .mapToObj(i -> Task.of("t" + i, "?", "1", AnswerType.NUMBER))
                .map(task -> ((Plan.Run) random.start(task, pool.view(), PlanningCalls.none()).next(Trace.empty())).workflow().step(0).workerId())
                .collect(Collectors.toSet());
        assertThat(drawn).hasSizeGreaterThan(2);

        String first = ((Plan.Run) random.start(TASK, pool.view(), PlanningCalls.none()).next(Trace.empty())).workflow().step(0).workerId();
        assertThat(((Plan.Run) random.start(TASK, pool.view(), PlanningCalls.none()).next(Trace.empty())).workflow().step(0).workerId()).isEqualTo(first);
    }

    @Test
    void cascadeStopsAsSoonAsTheFirstTwoAgree() {
        // b's 42 and c's 42.0 are one answer: a is never asked.
        Orchestrator.Result result = orchestrator.answer(new CascadeConductor(List.of("b", "c", "a"), "cascade"), TASK, pool.view());

        assertThat(result.trace().callCount()).isEqualTo(2);
        assertThat(result.trace().rounds()).isEqualTo(1);
        assertThat(result.answer()).contains("{\"answer\": \"42\"}");
    }

    @Test
    void cascadeAsksTheNextWorkerInItsOwnRoundOnlyWhileAnswersDisagree() {
        Orchestrator.Result result = orchestrator.answer(new CascadeConductor(List.of("a", "b", "c"), "cascade"), TASK, pool.view());

        assertThat(result.trace().calls()).extracting(call -> call.workerId()).containsExactly("a", "b", "c");
        assertThat(result.trace().round(1)).extracting(call -> call.workerId()).containsExactly("c");
        // Independent: the third worker is sent exactly what the first two were, none of their answers.
        assertThat(result.trace().round(1).getFirst().messages()).isEqualTo(result.trace().round(0).getFirst().messages());
        // c agrees with b, not with a: the agreed answer is b's reply, the earliest of the pair.
        assertThat(result.answer()).contains("{\"answer\": \"42\"}");
    }

    @Test
    void withoutAgreementTheLastWorkersAnswerStands() {
        Orchestrator.Result result = orchestrator.answer(new CascadeConductor(List.of("b", "a"), "cascade"), TASK, pool.view());

        assertThat(result.trace().callCount()).isEqualTo(2);
        assertThat(result.answer()).contains("The answer is 41.");
    }

    @Test
    void aFailedWorkerNeitherAgreesNorStopsTheCascade() {
        Orchestrator.Result result = orchestrator.answer(new CascadeConductor(List.of("down", "a", "c"), "cascade"), TASK, pool.view());

        assertThat(result.trace().callCount()).isEqualTo(3);
        assertThat(result.answer()).contains("So the result is 42.0");
    }

    @Test
    void aCascadeNeedsTwoDistinctWorkers() {
        assertThatThrownBy(() -> new CascadeConductor(List.of("a"), "cascade")).hasMessageContaining("at least 2");
        assertThatThrownBy(() -> new CascadeConductor(List.of("a", "a"), "cascade")).hasMessageContaining("once");
    }
}
