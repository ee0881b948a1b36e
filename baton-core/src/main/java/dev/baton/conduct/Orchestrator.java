package dev.baton.conduct;

import dev.baton.execute.Budget;
import dev.baton.execute.Executor;
import dev.baton.execute.Trace;
import dev.baton.pool.Pool;
import dev.baton.pool.PoolView;
import dev.baton.task.Task;
import java.util.Objects;
import java.util.Optional;

/**
 * Answers tasks by letting a conductor plan rounds and the executor run them, until the conductor accepts
 * or the round limit is reached.
 *
 * <pre>{@code
 * Orchestrator orchestrator = new Orchestrator(executor, pool, Budget.unlimited(), Orchestrator.DEFAULT_MAX_ROUNDS);
 * Orchestrator.Result result = orchestrator.answer(conductor, task, pool.view());
 * }</pre>
 *
 * @param executor  runs each round's workflow
 * @param pool      the workers
 * @param budget    limits for the whole answer, all rounds together
 * @param maxRounds most rounds, at least 1
 */
public record Orchestrator(Executor executor, Pool pool, Budget budget, int maxRounds) {

    /**
     * The round limit evaluations use: a safety cap, not a policy. Conductors decide when to accept; the learned
     * conductor's own cap (at most this) is part of its checkpoint.
     */
    public static final int DEFAULT_MAX_ROUNDS = 5;

    public Orchestrator {
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(budget, "budget");
        if (maxRounds < 1) {
            throw new IllegalArgumentException("maxRounds must be at least 1: " + maxRounds);
        }
    }

    /**
     * The outcome of answering one task.
     *
     * @param trace  every call of every round
     * @param answer the reply text that answers the task, empty when no worker answered
     */
    public record Result(Trace trace, Optional<String> answer) {
    }

    /** Answers one task with the workers of {@code view}. */
    public Result answer(Conductor conductor, Task task, PoolView view) {
        Trace trace = Trace.empty();
        for (int round = 0; round < maxRounds; round++) {
            Plan plan = conductor.plan(task, view, trace);
            if (plan instanceof Plan.Run run) {
                trace = executor.run(run.workflow(), task, pool, budget, trace);
            } else if (round == 0) {
                throw new IllegalStateException(conductor.name() + " accepted before anything ran");
            } else {
                break;
            }
        }
        return new Result(trace, conductor.finalAnswer(task, trace));
    }
}
