package dev.baton.conduct.baseline;

import dev.baton.conduct.Conductor;
import dev.baton.conduct.ConductorRun;
import dev.baton.conduct.OneRound;
import dev.baton.conduct.PlanningCalls;
import dev.baton.pool.PoolView;
import dev.baton.task.Task;
import dev.baton.workflow.Workflow;
import java.util.Objects;

/** Asks one fixed worker, once: the single-model baseline ({@code solo:<worker>}, {@code best-solo}). */
public final class SoloConductor implements Conductor {

    private final String workerId;
    private final String name;

    public SoloConductor(String workerId, String name) {
        this.workerId = Objects.requireNonNull(workerId, "workerId");
        this.name = Objects.requireNonNull(name, "name");
    }

    public SoloConductor(String workerId) {
        this(workerId, "solo:" + workerId);
    }

    @Override
    public ConductorRun start(Task task, PoolView pool, PlanningCalls planning) {
        return OneRound.of(Workflow.of(Subtasks.solve(workerId)));
    }

    @Override
    public String name() {
        return name;
    }

    public String workerId() {
        return workerId;
    }
}
