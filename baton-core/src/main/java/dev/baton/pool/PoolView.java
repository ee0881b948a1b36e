package dev.baton.pool;

import java.util.HashSet;
import java.util.List;

/**
 * The workers a conductor may use for one task: a subset of a {@link Pool}, in the order the
 * conductor numbers them ("Model 0" is {@code workerIds().get(0)}).
 *
 * @param workerIds ids of the available workers, unique, at least one
 */
public record PoolView(List<String> workerIds) {

    public PoolView {
        workerIds = List.copyOf(workerIds);
        if (workerIds.isEmpty()) {
            throw new IllegalArgumentException("a pool view needs at least one worker");
        }
        if (new HashSet<>(workerIds).size() != workerIds.size()) {
            throw new IllegalArgumentException("a pool view lists a worker twice: " + workerIds);
        }
    }

    public int size() {
        return workerIds.size();
    }

    /** Returns the id of worker number {@code index} ("Model index"). */
    public String workerId(int index) {
        if (index < 0 || index >= workerIds.size()) {
            throw new IllegalArgumentException(
                    "model " + index + " does not exist: this pool has models 0.." + (workerIds.size() - 1));
        }
        return workerIds.get(index);
    }

    /** Returns the number under which a worker appears in this view, or -1. */
    public int indexOf(String workerId) {
        return workerIds.indexOf(workerId);
    }

    public boolean contains(String workerId) {
        return workerIds.contains(workerId);
    }
}
