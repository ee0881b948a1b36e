package dev.baton.conduct.baseline;

import dev.baton.conduct.Conductor;
import dev.baton.conduct.ConductorRun;
import dev.baton.conduct.OneRound;
import dev.baton.conduct.PlanningCalls;
import dev.baton.pool.PoolView;
import dev.baton.task.Task;
import dev.baton.workflow.Step;
import dev.baton.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Mixture-of-Agents in one layer: k proposers answer independently, then an aggregator that sees all of
 * them writes the final answer ({@code moa:top<k>}).
 */
public final class MoaConductor implements Conductor {

    private final List<String> proposers;
    private final String aggregator;
    private final String name;

    public MoaConductor(List<String> proposers, String aggregator, String name) {
        this.proposers = List.copyOf(proposers);
        this.aggregator = Objects.requireNonNull(aggregator, "aggregator");
        this.name = Objects.requireNonNull(name, "name");
        if (this.proposers.isEmpty() || this.proposers.size() >= Workflow.MAX_STEPS) {
            throw new IllegalArgumentException("Mixture-of-Agents needs 1 to " + (Workflow.MAX_STEPS - 1)
                    + " proposers, got " + this.proposers.size());
        }
    }

    /**
     * Returns the step an aggregator is given: it sees every proposal above it. {@code baton record --reviews} asks a
     * worker to review its peers with this very step, so replaying a recorded review is replaying this step.
     */
    public static Step aggregatorStep(String workerId) {
        return Subtasks.aggregate(workerId);
    }

    /** Returns the workers that propose, each asked once per task. */
    public List<String> proposers() {
        return proposers;
    }

    /** Returns the worker that aggregates the proposals, asked once per task. */
    public String aggregator() {
        return aggregator;
    }

    @Override
    public ConductorRun start(Task task, PoolView pool, PlanningCalls planning) {
        List<Step> steps = new ArrayList<>();
        proposers.forEach(worker -> steps.add(Subtasks.solve(worker)));
        steps.add(Subtasks.aggregate(aggregator));
        return OneRound.of(new Workflow(steps));
    }

    @Override
    public String name() {
        return name;
    }
}
