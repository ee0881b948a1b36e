package dev.baton.eval;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Workers ordered best first. Baselines that need "the best worker" or "the top k" read it from here: in an
 * evaluation it ranks by accuracy alone on the train split ({@link #byAccuracy}), never the test split; for a
 * live pool with no benchmark it is the order the pool file lists them in ({@link #asListed}).
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
        entries = List.copyOf(entries);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("a ranking needs at least one worker");
        }
    }

    /** Ranks workers by accuracy, best first; cheaper first on ties, then by id. */
    public static WorkerRanking byAccuracy(List<Entry> entries) {
        return new WorkerRanking(entries.stream()
                .sorted(Comparator.comparingDouble(Entry::accuracy).reversed()
                        .thenComparingDouble(Entry::meanCostUsd)
                        .thenComparing(Entry::workerId))
                .toList());
    }

    /** Ranks workers in the order given, as a pool file lists them (best first by the user's word); no figures. */
    public static WorkerRanking asListed(List<String> workerIds) {
        return new WorkerRanking(workerIds.stream().map(id -> new Entry(id, Double.NaN, Double.NaN)).toList());
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
