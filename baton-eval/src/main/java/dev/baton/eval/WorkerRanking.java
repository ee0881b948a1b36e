package dev.baton.eval;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Workers ordered best first by their accuracy alone on the train split (cheaper first on ties). Baselines
 * that need "the best worker" or "the top k" read it from here, never from the test split.
 *
 * @param entries best first
 */
public record WorkerRanking(List<Entry> entries) {

    /** One worker's solo record on the train split. */
    public record Entry(String workerId, double accuracy, double meanCostUsd) {
        public Entry {
            Objects.requireNonNull(workerId, "workerId");
        }
    }

    public WorkerRanking {
        entries = entries.stream()
                .sorted(Comparator.comparingDouble(Entry::accuracy).reversed()
                        .thenComparingDouble(Entry::meanCostUsd)
                        .thenComparing(Entry::workerId))
                .toList();
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("a ranking needs at least one worker");
        }
    }

    /** Returns the best worker on train. */
    public String best() {
        return entries.getFirst().workerId();
    }

    /** Returns the ids of the best {@code k} workers, best first. */
    public List<String> top(int k) {
        if (k < 1 || k > entries.size()) {
            throw new IllegalArgumentException("top" + k + " needs between 1 and " + entries.size() + " workers");
        }
        return entries.subList(0, k).stream().map(Entry::workerId).toList();
    }
}
