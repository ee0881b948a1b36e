package dev.baton.learn.role;

import java.util.Objects;

/**
 * A kind of step the learned conductor can ask for, written as a natural-language subtask.
 *
 * @param id       short name shown in reports, for example {@code verify}
 * @param template the subtask text a step with this role is given
 */
public record Role(String id, String template) {

    public Role {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(template, "template");
        if (id.isBlank() || template.isBlank()) {
            throw new IllegalArgumentException("a role needs an id and a non-blank template");
        }
    }
}
