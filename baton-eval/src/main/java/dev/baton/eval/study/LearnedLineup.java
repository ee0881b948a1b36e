package dev.baton.eval.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The learned conductor's entries in a study's table, named for what each is rather than found by position: the chosen
 * default, routing alone, one per sweep setting, the untrained policy and the shuffled-reward control. The same lineup
 * holds the conductors and, once they are evaluated in one pass, their rows.
 *
 * @param chosen    the default, chosen on validation
 * @param routing   routing alone: one step, recorded answers only
 * @param sweep     one per setting of the sweep, in the sweep's order
 * @param untrained the policy before training
 * @param control   trained with rewards shuffled across questions
 * @param <T>       a conductor, or its row
 */
record LearnedLineup<T>(T chosen, T routing, List<T> sweep, T untrained, T control) {

    LearnedLineup {
        Objects.requireNonNull(chosen, "chosen");
        Objects.requireNonNull(routing, "routing");
        sweep = List.copyOf(sweep);
        Objects.requireNonNull(untrained, "untrained");
        Objects.requireNonNull(control, "control");
    }

    /** Returns every entry in the table's order: the default, routing alone, the sweep, the untrained policy, the control. */
    List<T> inOrder() {
        List<T> all = new ArrayList<>(List.of(chosen, routing));
        all.addAll(sweep);
        all.add(untrained);
        all.add(control);
        return all;
    }

    /** Returns the lineup of {@code results}, one per entry in {@link #inOrder()}'s order (an evaluation's rows). */
    <R> LearnedLineup<R> matched(List<R> results) {
        if (results.size() != sweep.size() + 4) {
            throw new IllegalArgumentException("expected " + (sweep.size() + 4) + " results, one per entry, got " + results.size());
        }
        return new LearnedLineup<>(results.get(0), results.get(1), results.subList(2, 2 + sweep.size()),
                results.get(results.size() - 2), results.getLast());
    }
}
