package dev.baton.conduct.baseline;

import dev.baton.conduct.Conductor;
import dev.baton.conduct.Plan;
import dev.baton.execute.Trace;
import dev.baton.pool.PoolView;
import dev.baton.task.Task;
import dev.baton.workflow.Step;
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
    public Plan plan(Task task, PoolView pool, Trace previous) {
        if (previous.rounds() > 0) {
            return Plan.accept();
        }
        return Plan.run(Workflow.of(Step.independent(workerId, Subtasks.SOLVE)));
    }

    @Override
    public String name() {
        return name;
    }

    public String workerId() {
        return workerId;
    }
}
