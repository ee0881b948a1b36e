package dev.baton.conduct.baseline;

import dev.baton.conduct.Conductor;
import dev.baton.conduct.ConductorRun;
import dev.baton.conduct.OneRound;
import dev.baton.conduct.PlanningCalls;
import dev.baton.pool.PoolView;
import dev.baton.task.Task;
import dev.baton.workflow.Workflow;
import java.util.Objects;

/**
 * Asks a worker that is known to answer correctly, if the pool has one; otherwise the first worker of the
 * view ({@code oracle}). Offline only: it reads the answers key through {@link Hindsight}. Its accuracy is
 * the share of tasks some single worker gets right, the ceiling of routing.
 */
public final class OracleConductor implements Conductor {

    private final Hindsight hindsight;

    public OracleConductor(Hindsight hindsight) {
        this.hindsight = Objects.requireNonNull(hindsight, "hindsight");
    }

    @Override
    public ConductorRun start(Task task, PoolView pool, PlanningCalls planning) {
        String choice = pool.workerIds().stream()
                .filter(worker -> hindsight.solvesAlone(task, worker))
                .findFirst()
                .orElse(pool.workerId(0));
        return OneRound.of(Workflow.of(Subtasks.solve(choice)));
    }

    @Override
    public String name() {
        return "oracle";
    }
}
