package dev.baton.conduct.baseline;

import dev.baton.conduct.Conductor;
import dev.baton.conduct.ConductorRun;
import dev.baton.conduct.OneRound;
import dev.baton.conduct.PlanningCalls;
import dev.baton.pool.PoolView;
import dev.baton.task.Task;
import dev.baton.workflow.Workflow;
import java.util.SplittableRandom;

/**
 * Asks one worker drawn uniformly from the pool, a fresh draw per task, seeded by the task id so every run
 * draws the same ({@code random}). The floor a learned router must clear.
 */
public final class RandomConductor implements Conductor {

    private final long seed;

    public RandomConductor(long seed) {
        this.seed = seed;
    }

    @Override
    public ConductorRun start(Task task, PoolView pool, PlanningCalls planning) {
        SplittableRandom random = new SplittableRandom(seed ^ task.id().hashCode() * 0x9E3779B97F4A7C15L);
        String worker = pool.workerId(random.nextInt(pool.size()));
        return OneRound.of(Workflow.of(Subtasks.solve(worker)));
    }

    @Override
    public String name() {
        return "random";
    }
}
