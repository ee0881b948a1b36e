package dev.baton.eval;

/** Thrown when a {@code --conductor} spec cannot be understood. */
public final class ConductorSpecException extends IllegalArgumentException {

    static final String FORMS = "solo:<worker>, solo:all, best-solo, vote:<w1,w2,...>, vote:top<k>, moa:top<k>, random, oracle";

    public ConductorSpecException(String message) {
        super(message);
    }
}
