package dev.baton.pool;

import dev.baton.input.UnknownNameException;
import java.util.Collection;

/** Thrown when a name or number does not denote a worker of the pool. */
public final class UnknownWorkerException extends UnknownNameException {

    public UnknownWorkerException(String name, Collection<String> known) {
        super("unknown worker '" + name + "': the pool has " + String.join(", ", known));
    }
}
