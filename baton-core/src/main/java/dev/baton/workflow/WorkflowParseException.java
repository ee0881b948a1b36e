package dev.baton.workflow;

import dev.baton.input.BadInputException;

/**
 * Thrown when text does not hold a readable workflow. The message names the problem and where it is
 * (which list, which element, the character offset), so a conductor's output can be repaired.
 */
public final class WorkflowParseException extends BadInputException {

    private final String problem;
    private final int offset;

    public WorkflowParseException(String message, int offset) {
        super(offset >= 0 ? message + " (at character " + offset + ")" : message);
        this.problem = message;
        this.offset = offset;
    }

    public WorkflowParseException(String message) {
        this(message, -1);
    }

    /** Returns the character offset in the parsed text where the problem was found, or -1. */
    public int offset() {
        return offset;
    }

    /**
     * Returns the message located as people count, by line and column of {@code text} (the text that was parsed),
     * for example {@code subtasks[1]: unterminated string: ... (at 2:17)}.
     */
    public String messageIn(String text) {
        return offset >= 0 ? problem + " (at " + TextPosition.of(text, offset) + ")" : problem;
    }
}
