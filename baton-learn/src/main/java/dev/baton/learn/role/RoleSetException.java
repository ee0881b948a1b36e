package dev.baton.learn.role;

import dev.baton.input.BadInputException;

/** Thrown when a roles file is missing or malformed, or lists no roles or one id twice. */
public final class RoleSetException extends BadInputException {

    public RoleSetException(String message) {
        super(message);
    }
}
