package dev.baton.workflow;

import dev.baton.input.BadInputException;

/**
 * Thrown when text does not hold a readable workflow. The message names the problem and where it is
 * (which list, which element, the character offset), so a conductor's output can be repaired.
 */
public final class WorkflowParseException extends BadInputException {

    private final int offset;

    public WorkflowParseException(String message, int offset) {
        super(offset >= 0 ? message + " (at character " + offset + ")" : message);
        this.offset = offset;
    }

    public WorkflowParseException(String message) {
        this(message, -1);
    }

    /** Returns the character offset in the parsed text where the problem was found, or -1. */
    public int offset() {
        return offset;
    }
}
