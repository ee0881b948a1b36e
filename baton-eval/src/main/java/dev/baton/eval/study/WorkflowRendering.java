package dev.baton.eval.study;

import dev.baton.execute.CallRecord;
import dev.baton.execute.Trace;
import dev.baton.pool.Pool;
import dev.baton.workflow.Access;
import dev.baton.workflow.Step;
import dev.baton.workflow.Workflow;
import dev.baton.workflow.WorkflowText;
import java.util.List;

/** Renders what a trace ran, round by round, in the paper's three-list text (workers numbered as in the pool). */
public final class WorkflowRendering {

    private WorkflowRendering() {
    }

    /** Returns the rounds of {@code trace} as text, then which worker each number stands for. */
    public static String of(Trace trace, Pool pool) {
        StringBuilder text = new StringBuilder();
        for (int round = 0; round < trace.rounds(); round++) {
            List<CallRecord> calls = trace.round(round);
            Workflow workflow = new Workflow(calls.stream()
                    .map(c -> new Step(c.workerId(), c.subtask(), c.messages().size() > 1 ? Access.ALL : Access.NONE))
                    .toList());
            if (trace.rounds() > 1) {
                text.append("# round ").append(round + 1).append(round == 0 ? "" : round == 1 ? " (after seeing round 1)"
                        : " (after seeing rounds 1-" + round + ")").append('\n');
            }
            text.append(WorkflowText.render(workflow, pool.view())).append('\n');
        }
        text.append("# workers: ");
        for (int i = 0; i < pool.size(); i++) {
            String id = pool.ids().get(i);
            if (trace.calls().stream().anyMatch(c -> c.workerId().equals(id))) {
                text.append(i).append('=').append(id).append(' ');
            }
        }
        return text.toString().strip();
    }
}
