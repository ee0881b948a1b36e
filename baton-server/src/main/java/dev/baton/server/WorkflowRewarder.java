package dev.baton.server;

import dev.baton.client.Answer;
import dev.baton.client.Baton;
import dev.baton.client.TraceJson;
import dev.baton.conduct.Conductor;
import dev.baton.conduct.ConductorRun;
import dev.baton.conduct.OneRound;
import dev.baton.conduct.PlanningCalls;
import dev.baton.execute.Budget;
import dev.baton.execute.Trace;
import dev.baton.grade.Graders;
import dev.baton.grade.Outcome;
import dev.baton.pool.PoolView;
import dev.baton.store.StoredTrace;
import dev.baton.store.TraceStore;
import dev.baton.task.Task;
import dev.baton.workflow.ParsedWorkflow;
import dev.baton.workflow.Workflow;
import dev.baton.workflow.WorkflowParseException;
import dev.baton.workflow.WorkflowText;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Judges a workflow a conductor model wrote, as the Conductor paper's training did: reads the three lists with
 * {@link WorkflowText#parseReporting} (the LM conductor's forgiving reader, against the pool numbered as the exported
 * prompt numbers it), runs them on the server's pool through the same executor and budget as a chat request, grades
 * the final answer against the gold answer, and keeps the trace. The gold answer goes to the grader only: workers are
 * given the task's id and answer type, never its gold.
 */
final class WorkflowRewarder {

    /** The {@code model} a stored trace of a reward is listed under. */
    static final String MODEL = "reward";

    private final ServedModels models;
    private final TraceStore traces;
    private final ServerMetrics metrics;

    WorkflowRewarder(ServedModels models, TraceStore traces, ServerMetrics metrics) {
        this.models = models;
        this.traces = traces;
        this.metrics = metrics;
    }

    /** Reads, runs and grades {@code completion} as the workflow for {@code task}; stores the trace either way. */
    Reward judge(Task task, String completion, RewardMode mode, Budget budget) {
        Instant created = Instant.now();
        String id = TraceIds.next("reward-", created);
        PoolView view = models.pool().pool().view();
        ParsedWorkflow parsed;
        try {
            parsed = WorkflowText.parseReporting(completion, view);
        } catch (WorkflowParseException e) {
            return unparseable(id, created, task, mode, List.of(), e.messageIn(completion));
        }
        if (parsed.workflow().isEmpty()) {
            // An LM conductor's first round must plan: three empty lists would accept an answer nothing produced.
            return unparseable(id, created, task, mode, parsed.repairs(),
                    "three empty lists accept an answer, but nothing has run yet: plan at least one step");
        }
        Workflow workflow = parsed.workflow().get();
        Baton baton = Baton.builder()
                .pool(models.pool().pool())
                .conductor(fixed(workflow))
                .budget(budget)
                .executor(models.executor())
                .maxRounds(1)
                .build();
        Answer answer = baton.ask(task);
        Outcome outcome = answer.text().map(text -> Graders.forType(task.answerType()).grade(text, task))
                .orElse(Outcome.none());
        store(id, created, answer);
        metrics.answered(MODEL, answer);
        return new Reward(id, mode, mode.ran(outcome.correct(), answer.costUsd()), Optional.of(WorkflowText.render(workflow, view)),
                parsed.repairs(), Optional.empty(), answer, outcome.answer(), outcome.correct());
    }

    private Reward unparseable(String id, Instant created, Task task, RewardMode mode, List<String> repairs, String error) {
        Answer nothing = new Answer(task.question(), Optional.empty(), MODEL, Trace.empty(), Duration.ZERO);
        store(id, created, nothing);
        return new Reward(id, mode, mode.unparseable(), Optional.empty(), repairs, Optional.of(error), nothing,
                Optional.empty(), false);
    }

    private void store(String id, Instant created, Answer answer) {
        traces.put(new StoredTrace(id, created, MODEL, answer.question(), answer.text(), answer.calls(), answer.costUsd(),
                answer.elapsed(), TraceJson.of(answer)));
    }

    /** A conductor that plans the one workflow it was given. */
    private static Conductor fixed(Workflow workflow) {
        return new Conductor() {
            @Override
            public ConductorRun start(Task task, PoolView pool, PlanningCalls planning) {
                return OneRound.of(workflow);
            }

            @Override
            public String name() {
                return MODEL;
            }
        };
    }
}
