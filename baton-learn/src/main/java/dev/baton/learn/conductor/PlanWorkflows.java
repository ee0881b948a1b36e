package dev.baton.learn.conductor;

import dev.baton.learn.policy.PlannedStep;
import dev.baton.learn.role.RoleSet;
import dev.baton.workflow.Access;
import dev.baton.workflow.Step;
import dev.baton.workflow.Workflow;
import java.util.List;

/** Turns the policy's planned steps into a {@link Workflow}: worker ids, role templates, access. */
public final class PlanWorkflows {

    private PlanWorkflows() {
    }

    /** Returns the workflow of the given planned steps. */
    public static Workflow of(List<PlannedStep> steps, WorkerIndex workers, RoleSet roles) {
        return new Workflow(steps.stream()
                .map(step -> new Step(workers.workerId(step.worker()), roles.get(step.role()).template(),
                        step.seesAll() ? Access.ALL : Access.NONE).withRole(roles.get(step.role()).id()))
                .toList());
    }
}
