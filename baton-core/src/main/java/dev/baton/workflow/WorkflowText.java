package dev.baton.workflow;

import dev.baton.pool.PoolView;
import java.util.ArrayList;
import java.util.List;
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
 * Workers appear as their numbers in a {@link PoolView}. An access entry is {@code []} (sees nothing),
 * {@code ["all"]} (sees every earlier step) or a list of earlier step indices such as {@code [0, 2]}.
 */
public final class WorkflowText {

    private WorkflowText() {
    }

    /**
     * Renders a workflow in the three-list format, numbering workers as in {@code view}.
     *
     * <p>The result is three lines without a trailing newline; subtasks are JSON strings, so the
     * output is valid Python and every line's value is valid JSON.
     *
     * @throws IllegalArgumentException when a step's worker is not in {@code view}
     */
    public static String render(Workflow workflow, PoolView view) {
        List<String> models = new ArrayList<>();
        List<String> subtasks = new ArrayList<>();
        List<String> access = new ArrayList<>();
        for (int i = 0; i < workflow.size(); i++) {
            Step step = workflow.step(i);
            int number = view.indexOf(step.workerId());
            if (number < 0) {
                throw new IllegalArgumentException("step " + i + "'s worker " + step.workerId()
                        + " is not in this pool view: " + view.workerIds());
            }
            models.add(Integer.toString(number));
            subtasks.add(quote(step.subtask()));
            access.add(switch (step.access()) {
                case Access.None none -> "[]";
                case Access.All all -> "[\"all\"]";
                case Access.Steps seen -> seen.indices().toString();
            });
        }
        return "model_id = [" + String.join(", ", models) + "]\n"
                + "subtasks = [" + String.join(", ", subtasks) + "]\n"
                + "access_list = [" + String.join(", ", access) + "]";
    }

    /**
     * Parses the three lists out of text a model wrote, numbering workers as in {@code view}.
     *
     * <p>The lists may sit among prose and code fences, use {@code =} or {@code :}, come in any
     * order or as a JSON object, and be repeated, in which case the last of each wins. Worker
     * numbers may be written as strings ({@code "2"}) and an access entry as {@code "all"}.
     *
     * @return the workflow, or empty when all three lists are empty (the conductor accepts the last answer)
     * @throws WorkflowParseException naming the problem and where it is
     */
    public static Optional<Workflow> parse(String text, PoolView view) {
        return WorkflowTextParser.parse(text, view);
    }

    /**
     * Parses the three lists like {@link #parse}, repairing the slips real model output makes, and says what it
     * repaired. Each repair is local and made only where exactly one reading fits:
     *
     * <ul>
     *   <li>typographic quotes ({@code “…”}, {@code ‘…’}, as word processors and copied PDFs have them) read as
     *       string quotes; inside a string they stay as written, and a closing one counts only before a delimiter,
     *       so an apostrophe ({@code it’s}) stays part of the text;</li>
     *   <li>a missing comma between two complete strings of {@code subtasks} is inserted only when the strings
     *       otherwise join (as in Python) into one list too short for the other two;</li>
     *   <li>a list the text ends inside (a model cut off, or a final {@code ]} forgotten; a closing code fence may
     *       follow) is closed there, only at its outermost level and only when the result is a valid workflow.</li>
     * </ul>
     *
     * Anything else is an error, as in {@link #parse}: a missing comma between numbers or lists, a bracket left
     * open before more text, a cut inside a nested list.
     *
     * <pre>{@code
     * ParsedWorkflow parsed = WorkflowText.parseReporting(reply, view);
     * parsed.repairs().forEach(System.err::println);   // e.g. "inserted a missing comma at 2:31"
     * parsed.workflow().ifPresentOrElse(run, accept);
     * }</pre>
     *
     * @throws WorkflowParseException naming the problem and where it is, when no repair makes the text readable
     */
    public static ParsedWorkflow parseReporting(String text, PoolView view) {
        Repairs repairs = Repairs.forgiving(true);
        try {
            Optional<Workflow> workflow = WorkflowTextParser.parse(text, view, repairs);
            return new ParsedWorkflow(workflow, repairs.describe(text));
        } catch (WorkflowParseException e) {
            if (!repairs.made(Repairs.Kind.UNCLOSED_BRACKET)) {
                throw e;
            }
            // Closing the list did not give a valid workflow, so it was not the slip: report the text as written.
            Repairs withoutClosing = Repairs.forgiving(false);
            Optional<Workflow> workflow = WorkflowTextParser.parse(text, view, withoutClosing);
            return new ParsedWorkflow(workflow, withoutClosing.describe(text));
        }
    }

    /** Quotes a string as JSON does; non-ASCII stays as is, since models read UTF-8 fine. */
    static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
