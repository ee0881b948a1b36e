package dev.baton.learn.conductor;

import java.util.List;
import java.util.Optional;

/**
 * How a pool meets the workers a checkpoint was trained with. Pools change — a worker is added, one is retired, a
 * provider is down for a day — and a checkpoint still plans over the workers it knows that are there: an extra worker
 * is left out of its plans, a missing one is never named. Only a pool with none of its workers leaves it nothing to do.
 *
 * @param known   the checkpoint's workers that are in the pool: the ones it plans over
 * @param extra   workers of the pool the checkpoint was not trained with, which it does not plan over
 * @param missing the checkpoint's workers that are not in the pool
 */
public record PoolFit(List<String> known, List<String> extra, List<String> missing) {

    public PoolFit {
        known = List.copyOf(known);
        extra = List.copyOf(extra);
        missing = List.copyOf(missing);
    }

    /** Returns whether the pool holds exactly the checkpoint's workers. */
    public boolean exact() {
        return extra.isEmpty() && missing.isEmpty();
    }

    /**
     * Returns one line for a person, said once when the conductor is set up over a pool — empty when the pool holds
     * exactly the checkpoint's workers.
     *
     * @param conductor the conductor's name, for example {@code learned:runs/gsm8k/default.json}
     */
    public Optional<String> note(String conductor) {
        if (exact()) {
            return Optional.empty();
        }
        StringBuilder line = new StringBuilder(conductor).append(" plans over ").append(known.size()).append(" of its ")
                .append(known.size() + missing.size()).append(" workers");
        if (!missing.isEmpty()) {
            line.append("; not in the pool: ").append(String.join(", ", missing));
        }
        if (!extra.isEmpty()) {
            line.append("; new to it and left out of its plans: ").append(String.join(", ", extra));
        }
        return Optional.of(line.toString());
    }
}
