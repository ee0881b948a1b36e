package dev.baton.workflow;

import dev.baton.pool.PoolView;
import java.util.Optional;

/**
 * Renders and parses the paper's three-list workflow format:
 *
 * <pre>
 * model_id = [2, 0]
 * subtasks = ["Develop an efficient algorithm to ...", "Implement the algorithm described by the previous agent"]
 * access_list = [[], ["all"]]
 * </pre>
 *
 * Workers appear as their numbers in a {@link PoolView}.
 */
public final class WorkflowText {

    private WorkflowText() {
    }

    /** Renders a workflow in the three-list format, numbering workers as in {@code view}. */
    public static String render(Workflow workflow, PoolView view) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Parses the three lists out of text a model wrote, numbering workers as in {@code view}.
     *
     * @return the workflow, or empty when all three lists are empty (the conductor accepts the last answer)
     * @throws WorkflowParseException naming the problem and where it is
     */
    public static Optional<Workflow> parse(String text, PoolView view) {
        throw new UnsupportedOperationException("not yet");
    }
}
