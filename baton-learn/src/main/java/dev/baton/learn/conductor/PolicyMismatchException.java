package dev.baton.learn.conductor;

import dev.baton.input.BadInputException;

/** Thrown when a trained policy cannot be used as asked: another encoder, or workers it never saw. */
public final class PolicyMismatchException extends BadInputException {

    public PolicyMismatchException(String message) {
        super(message);
    }
}
