package dev.baton.learn.train;

import dev.baton.input.BadInputException;

/** Thrown when a checkpoint is missing, damaged, or does not fit the pool, encoder or roles at hand. */
public final class CheckpointException extends BadInputException {

    public CheckpointException(String message) {
        super(message);
    }
}
