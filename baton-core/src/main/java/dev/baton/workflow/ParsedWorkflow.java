package dev.baton.workflow;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link WorkflowText#parseReporting} read: a workflow or "accept", and the slips it repaired on the way.
 *
 * @param workflow the workflow, or empty when all three lists are empty (accept the answer so far)
 * @param repairs  what was repaired, for people, each located as {@code line:column}, in the order of the text
 *                 (for example {@code inserted a missing comma at 3:41}); empty when the text was read as written
 */
public record ParsedWorkflow(Optional<Workflow> workflow, List<String> repairs) {

    public ParsedWorkflow {
        Objects.requireNonNull(workflow, "workflow");
        repairs = List.copyOf(repairs);
    }

    /** Returns whether the text asks to accept the answer so far (three empty lists). */
    public boolean accepts() {
        return workflow.isEmpty();
    }

    /** Returns whether anything had to be repaired. */
    public boolean repaired() {
        return !repairs.isEmpty();
    }
}
