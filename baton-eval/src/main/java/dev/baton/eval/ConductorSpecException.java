package dev.baton.eval;

import dev.baton.input.BadInputException;

/** Thrown when a {@code --conductor} spec cannot be understood. */
public final class ConductorSpecException extends BadInputException {

    static final String FORMS = "solo:<worker>, solo:all, best-solo, vote:<w1,w2,...>, vote:top<k>, moa:top<k>, cascade:<w1,w2,...>, best-cascade, random, oracle, lm:<worker>";

    public ConductorSpecException(String message) {
        super(message);
    }
}
