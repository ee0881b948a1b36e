package dev.baton.workflow;

import java.util.List;

/**
 * An ordered list of steps; the last step's reply is the workflow's answer.
 *
 * <p>Every conductor, learned, LM-written or baseline, produces this one type, so the executor, the
 * graders and the reports never care who planned. A step may only see steps before it.
 *
 * @param steps at least one step
 */
public record Workflow(List<Step> steps) {

    /** The paper's limit on steps per round. */
    public static final int MAX_STEPS = 5;

    public Workflow {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a workflow needs at least one step");
        }
        for (int i = 0; i < steps.size(); i++) {
            for (int seen : steps.get(i).access().visibleFrom(i)) {
                if (seen >= i) {
                    throw new IllegalArgumentException(
                            "step " + i + " may only see earlier steps, but its access list names step " + seen);
                }
            }
        }
    }

    public static Workflow of(Step... steps) {
        return new Workflow(List.of(steps));
    }

    public int size() {
        return steps.size();
    }

    public Step step(int index) {
        return steps.get(index);
    }
}
