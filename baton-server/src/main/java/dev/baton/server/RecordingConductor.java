package dev.baton.server;

import dev.baton.conduct.Conductor;
import dev.baton.conduct.ConductorRun;
import dev.baton.conduct.Plan;
import dev.baton.conduct.PlanningCalls;
import dev.baton.execute.Trace;
import dev.baton.pool.PoolView;
import dev.baton.task.Task;
import dev.baton.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A conductor for one request that keeps the workflow of every round it plans, so the response can show them in the
 * paper's text format (the trace holds the calls, not the plans they came from). Made per request: not shared.
 */
final class RecordingConductor implements Conductor {

    private final Conductor conductor;
    private final List<Workflow> workflows = new ArrayList<>();

    RecordingConductor(Conductor conductor) {
        this.conductor = conductor;
    }

    @Override
    public ConductorRun start(Task task, PoolView pool, PlanningCalls planning) {
        ConductorRun run = conductor.start(task, pool, planning);
        return new ConductorRun() {
            @Override
            public Plan next(Trace trace) {
                Plan plan = run.next(trace);
                if (plan instanceof Plan.Run planned) {
                    synchronized (workflows) {
                        workflows.add(planned.workflow());
                    }
                }
                return plan;
            }

            @Override
            public Optional<String> finalAnswer(Trace trace) {
                return run.finalAnswer(trace);
            }
        };
    }

    @Override
    public String name() {
        return conductor.name();
    }

    /** Returns the workflows planned so far, one per round. */
    List<Workflow> workflows() {
        synchronized (workflows) {
            return List.copyOf(workflows);
        }
    }
}
