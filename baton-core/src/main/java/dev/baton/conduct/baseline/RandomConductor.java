package dev.baton.conduct.baseline;

import dev.baton.conduct.Conductor;
import dev.baton.conduct.Plan;
import dev.baton.execute.Trace;
import dev.baton.pool.PoolView;
import dev.baton.task.Task;
import dev.baton.workflow.Step;
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
    public Plan plan(Task task, PoolView pool, Trace previous) {
        if (previous.rounds() > 0) {
            return Plan.accept();
        }
        SplittableRandom random = new SplittableRandom(seed ^ task.id().hashCode() * 0x9E3779B97F4A7C15L);
        String worker = pool.workerId(random.nextInt(pool.size()));
        return Plan.run(Workflow.of(Step.independent(worker, Subtasks.SOLVE)));
    }

    @Override
    public String name() {
        return "random";
    }
}
