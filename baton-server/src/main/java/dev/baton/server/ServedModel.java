package dev.baton.server;

import dev.baton.conduct.Conductor;
import dev.baton.execute.Budget;
import java.util.Objects;
import java.util.function.Function;

/**
 * One name a client may put in {@code model}: a conductor spec, or a pool worker answering alone.
 *
 * @param name      what the client sends, and what {@code /v1/models} lists
 * @param ownedBy   {@code baton} for a conductor, {@code pool} for a worker (the {@code owned_by} of the model list)
 * @param conductor makes the conductor for one request's budget (an LM conductor's own calls count against it)
 */
public record ServedModel(String name, String ownedBy, Function<Budget, Conductor> conductor) {

    public ServedModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ownedBy, "ownedBy");
        Objects.requireNonNull(conductor, "conductor");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a model name must not be blank");
        }
    }
}
