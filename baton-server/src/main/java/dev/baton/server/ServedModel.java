package dev.baton.server;

import dev.baton.conduct.Conductor;
import java.util.Objects;

/**
 * One name a client may put in {@code model}: a conductor spec, or a pool worker answering alone.
 *
 * @param name      what the client sends, and what {@code /v1/models} lists
 * @param ownedBy   {@code baton} for a conductor, {@code pool} for a worker (the {@code owned_by} of the model list)
 * @param conductor answers every request to this name, each under the request's own budget (an LM conductor's own
 *                  calls are charged to it through the round loop)
 */
public record ServedModel(String name, String ownedBy, Conductor conductor) {

    public ServedModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ownedBy, "ownedBy");
        Objects.requireNonNull(conductor, "conductor");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a model name must not be blank");
        }
    }
}
