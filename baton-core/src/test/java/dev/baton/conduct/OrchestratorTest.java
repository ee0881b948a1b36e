package dev.baton.conduct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.execute.Budget;
import dev.baton.execute.Executor;
import dev.baton.execute.RetryPolicy;
import dev.baton.execute.Trace;
import dev.baton.fixtures.ScriptedWorker;
import dev.baton.pool.Pool;
import dev.baton.pool.PoolView;
import dev.baton.task.AnswerType;
import dev.baton.task.Task;
import dev.baton.workflow.Step;
import dev.baton.workflow.Workflow;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrchestratorTest {

    private static final Task TASK = Task.of("t1", "What is 6 * 7?", "42", AnswerType.NUMBER);
    private final Pool pool = Pool.of(List.of(ScriptedWorker.answering("a", "41"), ScriptedWorker.answering("b", "42")));
    private final Executor executor = Executor.builder().retry(RetryPolicy.none()).build();

    /** Asks again from another worker until the round limit, never accepting. */
    private static final Conductor NEVER_SATISFIED = new Conductor() {
        @Override
        public ConductorRun start(Task task, PoolView view, PlanningCalls planning) {
            return previous -> Plan.run(Workflow.of(Step.seeingAll(view.workerId(previous.rounds() % view.size()), "Try again.")));
        }

        @Override
        public String name() {
            return "never-satisfied";
        }
    };

    @Test
    void roundsStopAtTheLimit() {
        Orchestrator.Result result = new Orchestrator(executor, pool, Budget.unlimited(), 3)
                .answer(NEVER_SATISFIED, TASK, pool.view());

        assertThat(result.trace().rounds()).isEqualTo(3);
        assertThat(result.answer()).contains("41");
    }

    @Test
    void budgetSpansAllRounds() {
        Orchestrator.Result result = new Orchestrator(executor, pool, Budget.unlimited().withMaxCalls(2), 3)
                .answer(NEVER_SATISFIED, TASK, pool.view());

        assertThat(result.trace().callCount()).isEqualTo(2);
    }

    @Test
    void aBatchRunsInLockStepAndGivesWhatEachRunGivesAlone() {
        Orchestrator orchestrator = new Orchestrator(executor, pool, Budget.unlimited(), 3);
        List<Task> tasks = List.of(TASK, Task.of("t2", "What is 2 + 2?", "4", AnswerType.NUMBER));
        List<Orchestrator.Result> together;
        try (var threads = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            together = orchestrator.answerAll(tasks.stream()
                    .map(task -> orchestrator.attempt(NEVER_SATISFIED, task, pool.view())).toList(),
                    RoundPlanner.oneByOne(), threads);
        }
        for (int i = 0; i < tasks.size(); i++) {
            Orchestrator.Result alone = orchestrator.answer(NEVER_SATISFIED, tasks.get(i), pool.view());
            assertThat(together.get(i).answer()).isEqualTo(alone.answer());
            assertThat(together.get(i).trace().calls()).extracting(c -> c.workerId())
                    .isEqualTo(alone.trace().calls().stream().map(c -> c.workerId()).toList());
        }
    }

    /** Asks worker "b" for a plan through the executor, then runs what it "wrote": worker "a" alone. */
    private Conductor planningWithItsModel() {
        return new Conductor() {
            @Override
            public ConductorRun start(Task task, PoolView view, PlanningCalls planning) {
                return previous -> {
                    if (previous.rounds() > 0) {
                        return Plan.accept();
                    }
                    var call = planning.call(pool.get("b"), "write the workflow",
                            List.of(dev.baton.worker.ChatMessage.user("Plan: " + task.question())), previous);
                    return new Plan.Run(Workflow.of(Step.independent("a", "Solve.")), List.of(call));
                };
            }

            @Override
            public String name() {
                return "planning";
            }
        };
    }

    @Test
    void planningCallsJoinTheTraceAndCountAgainstTheBudgetButNeverAnswer() {
        Orchestrator.Result result = new Orchestrator(executor, pool, Budget.unlimited(), 3)
                .answer(planningWithItsModel(), TASK, pool.view());

        assertThat(result.trace().planning()).singleElement().satisfies(call -> {
            assertThat(call.workerId()).isEqualTo("b");
            assertThat(call.role()).contains(Executor.CONDUCTOR_ROLE);
        });
        assertThat(result.trace().calls()).extracting(c -> c.workerId()).containsExactly("a");
        assertThat(result.trace().callCount()).isEqualTo(2);
        assertThat(result.trace().costUsd()).isEqualTo(result.trace().planning().getFirst().reply().orElseThrow().costUsd()
                + result.trace().calls().getFirst().reply().orElseThrow().costUsd());
        assertThat(result.answer()).contains("41");

        Budget oneCall = Budget.unlimited().withMaxCalls(1);
        Orchestrator.Result capped = new Orchestrator(executor, pool, oneCall, 3)
                .answer(planningWithItsModel(), TASK, pool.view());
        assertThat(capped.trace().callCount()).isEqualTo(1);
        assertThat(capped.trace().calls().getFirst().result()).isInstanceOf(dev.baton.execute.CallResult.Skipped.class);
        assertThat(capped.answer()).isEmpty();
    }

    @Test
    void theDeadlineBoundsEveryRoundOfTheQuestionTogether() {
        // Each round's step takes 0.6 s and the question has 1.5 s: the first two rounds fit, the third does not.
        // (When each round had a deadline of its own, all three answered, in 1.8 s.)
        Pool slow = Pool.of(List.of(ScriptedWorker.slow("a", "41", java.time.Duration.ofMillis(600)),
                ScriptedWorker.slow("b", "42", java.time.Duration.ofMillis(600))));
        Budget budget = Budget.unlimited().withDeadline(java.time.Duration.ofMillis(1500));

        Orchestrator.Result result = new Orchestrator(executor, slow, budget, 3).answer(NEVER_SATISFIED, TASK, slow.view());

        assertThat(result.trace().calls()).hasSize(3);
        assertThat(result.trace().calls().getFirst().result()).isInstanceOf(dev.baton.execute.CallResult.Answered.class);
        assertThat(result.trace().calls().getLast().result()).isNotInstanceOf(dev.baton.execute.CallResult.Answered.class);
    }

    @Test
    void theCallLimitCountsPlanningCallsAndEveryRound() {
        Orchestrator.Result result = new Orchestrator(executor, pool, Budget.unlimited().withMaxCalls(2), 3)
                .answer(NEVER_SATISFIED, TASK, pool.view());

        assertThat(result.trace().calls()).extracting(c -> c.result().getClass().getSimpleName())
                .containsExactly("Answered", "Answered", "Skipped");
    }

    @Test
    void acceptingBeforeAnythingRanIsABug() {
        Conductor lazy = new Conductor() {
            @Override
            public ConductorRun start(Task task, PoolView view, PlanningCalls planning) {
                return previous -> Plan.accept();
            }

            @Override
            public String name() {
                return "lazy";
            }
        };
        assertThatThrownBy(() -> new Orchestrator(executor, pool, Budget.unlimited(), 2).answer(lazy, TASK, pool.view()))
                .hasMessageContaining("accepted task t1 before anything ran");
    }
}
