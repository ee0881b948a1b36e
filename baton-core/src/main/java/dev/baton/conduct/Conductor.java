package dev.baton.conduct;

import dev.baton.pool.PoolView;
import dev.baton.task.Task;

/**
 * Plans how a pool of workers answers tasks: for each task it starts a {@link ConductorRun} that plans round
 * after round until it accepts.
 *
 * <p>A conductor is shared by every task of an evaluation, a server or a training run, so {@link #start} must
 * be safe to call from many threads at once. Per-task state belongs in the run, never in the conductor.
 *
 * <pre>{@code
 * Orchestrator orchestrator = new Orchestrator(executor, pool, Budget.unlimited(), Orchestrator.DEFAULT_MAX_ROUNDS);
 * Orchestrator.Result result = orchestrator.answer(conductor, task, pool.view());
 * }</pre>
 */
public interface Conductor {

    /**
     * Starts answering one task.
     *
     * @param task     the question
     * @param pool     the workers available for this task, numbered as the conductor sees them
     * @param planning how the run makes calls of its own (an LM conductor asking its model), charged to the question's
     *                 budget; conductors that plan without calls ignore it
     * @return a fresh run holding this task's planning state
     * @throws dev.baton.input.BadInputException when the conductor cannot work with these workers (for example a
     *                                           learned policy that never saw one of them)
     */
    ConductorRun start(Task task, PoolView pool, PlanningCalls planning);

    /** Returns the spec this conductor was made from, as shown in reports, for example {@code vote:top3}. */
    String name();
}
