package dev.baton.eval;

import dev.baton.input.BadInputException;

/** Thrown when a {@code --conductor} spec cannot be understood. */
public final class ConductorSpecException extends BadInputException {

    public ConductorSpecException(String message) {
        super(message);
    }
}
