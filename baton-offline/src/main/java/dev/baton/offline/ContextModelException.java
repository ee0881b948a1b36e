package dev.baton.offline;

import dev.baton.input.BadInputException;

/** Thrown when a context-model file is missing, is not YAML, or holds an unknown setting or a value out of range. */
public final class ContextModelException extends BadInputException {

    public ContextModelException(String message) {
        super(message);
    }
}
