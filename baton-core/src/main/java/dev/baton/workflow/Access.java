package dev.baton.workflow;

import java.util.List;

/**
 * Which earlier steps a step may see. In the paper's text format: {@code []}, {@code ["all"]}, or
 * a list of step indices such as {@code [0, 2]}.
 */
public sealed interface Access permits Access.None, Access.All, Access.Steps {

    /** Sees no earlier step: an independent attempt. */
    record None() implements Access {
    }

    /** Sees every earlier step's subtask and reply as past conversation turns. */
    record All() implements Access {
    }

    /**
     * Sees the listed earlier steps only.
     *
     * @param indices zero-based indices of earlier steps, ascending, without repeats
     */
    record Steps(List<Integer> indices) implements Access {
        public Steps {
            indices = List.copyOf(indices);
            for (int i = 0; i < indices.size(); i++) {
                if (indices.get(i) < 0) {
                    throw new IllegalArgumentException("step index must not be negative: " + indices.get(i));
                }
                if (i > 0 && indices.get(i) <= indices.get(i - 1)) {
                    throw new IllegalArgumentException("step indices must be ascending and distinct: " + indices);
                }
            }
        }
    }

    Access NONE = new None();
    Access ALL = new All();

    /** Returns access to the given earlier steps; an empty list means {@link #NONE}. */
    static Access steps(List<Integer> indices) {
        return indices.isEmpty() ? NONE : new Steps(indices.stream().sorted().distinct().toList());
    }

    /** Returns the indices of the earlier steps that step {@code stepIndex} sees. */
    default List<Integer> visibleFrom(int stepIndex) {
        return switch (this) {
            case None none -> List.of();
            case All all -> java.util.stream.IntStream.range(0, stepIndex).boxed().toList();
            case Steps steps -> steps.indices();
        };
    }
}
