package dev.baton.learn.train;

/** Thrown when a checkpoint is missing, damaged, or does not fit the pool, encoder or roles at hand. */
public final class CheckpointException extends IllegalArgumentException {

    public CheckpointException(String message) {
        super(message);
    }
}
