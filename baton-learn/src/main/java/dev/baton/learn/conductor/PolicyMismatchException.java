package dev.baton.learn.conductor;

/** Thrown when a trained policy cannot be used as asked: another encoder, or workers it never saw. */
public final class PolicyMismatchException extends IllegalArgumentException {

    public PolicyMismatchException(String message) {
        super(message);
    }
}
