package dev.baton.input;

/**
 * Thrown when a name given by the user denotes nothing Baton knows: a split, an answer type, a pool kind,
 * a worker. The message lists the names that would work.
 */
public class UnknownNameException extends BadInputException {

    public UnknownNameException(String message) {
        super(message);
    }
}
