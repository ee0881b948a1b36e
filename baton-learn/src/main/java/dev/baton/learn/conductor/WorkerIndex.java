package dev.baton.learn.conductor;

import dev.baton.pool.PoolView;
import dev.baton.worker.WorkerCard;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The workers a policy was trained with, in the order of its pointer, with the descriptor features it
 * sees for each (log prices, accuracy alone on the training questions). Translates between worker ids and pointer
 * positions.
 *
 * @param workerIds   ids in pointer order
 * @param descriptors per worker: log10 of input and output USD per million tokens, scaled to about [-1, 1], and the
 *                    share of training questions it answered right alone (0..1)
 * @param byCategory  per task category (a subject, from a task's {@code category} metadata), each worker's accuracy
 *                    alone on the training questions of that category, in pointer order; empty when tasks have none
 * @param sameWrong   per pair of workers, in pointer order, the share of the training questions both answered wrong on
 *                    which they gave the same answer; empty when not measured ({@link Trust#UNMEASURED_SAME_WRONG})
 */
public record WorkerIndex(List<String> workerIds, float[][] descriptors, Map<String, float[]> byCategory, float[][] sameWrong) {

    /** The task metadata key naming a question's subject. */
    public static final String CATEGORY = "category";

    public WorkerIndex {
        workerIds = List.copyOf(workerIds);
        Objects.requireNonNull(descriptors, "descriptors");
        if (workerIds.isEmpty() || descriptors.length != workerIds.size()) {
            throw new IllegalArgumentException("a worker index needs one descriptor per worker");
        }
        byCategory = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(byCategory));
        for (float[] accuracy : byCategory.values()) {
            if (accuracy.length != workerIds.size()) {
                throw new IllegalArgumentException("a category's accuracies need one number per worker");
            }
        }
        Objects.requireNonNull(sameWrong, "sameWrong");
        if (sameWrong.length != 0 && sameWrong.length != workerIds.size()) {
            throw new IllegalArgumentException("shared wrong answers need one row per worker");
        }
        for (float[] row : sameWrong) {
            if (row.length != workerIds.size()) {
                throw new IllegalArgumentException("shared wrong answers need one number per pair of workers");
            }
        }
    }

    /** An index without measured shared wrong answers. */
    public WorkerIndex(List<String> workerIds, float[][] descriptors, Map<String, float[]> byCategory) {
        this(workerIds, descriptors, byCategory, new float[0][]);
    }

    /** An index without per-category accuracy. */
    public WorkerIndex(List<String> workerIds, float[][] descriptors) {
        this(workerIds, descriptors, Map.of());
    }

    /**
     * What the conductor knows of these workers on one task.
     *
     * @param accuracy each worker's accuracy alone on questions like the task, in pointer order
     */
    public Trust trust(float[] accuracy) {
        return Trust.of(id -> {
            int index = workerIds.indexOf(id);
            return index < 0 ? 0 : accuracy[index];
        }, (first, second) -> {
            int i = workerIds.indexOf(first);
            int j = workerIds.indexOf(second);
            return sameWrong.length == 0 || i < 0 || j < 0 ? Trust.UNMEASURED_SAME_WRONG : sameWrong[i][j];
        });
    }

    /**
     * Returns each worker's accuracy on questions of the task's category, when the index measured that category;
     * otherwise an empty array (the pointer then reads the overall accuracy of the descriptors).
     */
    public float[] accuracyFor(dev.baton.task.Task task) {
        String category = task.metadata().get(CATEGORY);
        float[] accuracy = category == null ? null : byCategory.get(category);
        return accuracy == null ? new float[0] : accuracy.clone();
    }

    /**
     * Builds the index of a pool's workers from their cards and their accuracy alone on the training questions.
     *
     * @param accuracy   per worker id, 0..1; a worker missing from it counts as 0
     * @param byCategory per category, per worker id, 0..1 (empty when tasks have no category)
     */
    public static WorkerIndex of(List<WorkerCard> cards, Map<String, Double> accuracy, Map<String, Map<String, Double>> byCategory) {
        return of(cards, accuracy, byCategory, (a, b) -> Trust.UNMEASURED_SAME_WRONG);
    }

    /**
     * Builds the index of a pool's workers from their cards, their accuracy alone on the training questions and how
     * often two of them gave the same wrong answer there.
     *
     * @param sameWrong for two worker ids, the share of the questions both answered wrong on which they agreed
     */
    public static WorkerIndex of(List<WorkerCard> cards, Map<String, Double> accuracy, Map<String, Map<String, Double>> byCategory,
                                 java.util.function.ToDoubleBiFunction<String, String> sameWrong) {
        float[][] descriptors = new float[cards.size()][];
        for (int i = 0; i < cards.size(); i++) {
            var price = cards.get(i).price();
            double acc = accuracy.getOrDefault(cards.get(i).id(), 0.0);
            if (!(acc >= 0 && acc <= 1)) {
                throw new IllegalArgumentException("accuracy of " + cards.get(i).id() + " must be 0..1, got " + acc);
            }
            descriptors[i] = new float[] {scaled(price.inputUsdPerMillion()), scaled(price.outputUsdPerMillion()), (float) acc};
        }
        Map<String, float[]> categories = new java.util.TreeMap<>();
        byCategory.forEach((category, perWorker) -> {
            float[] values = new float[cards.size()];
            for (int i = 0; i < cards.size(); i++) {
                values[i] = (float) (double) perWorker.getOrDefault(cards.get(i).id(), 0.0);
            }
            categories.put(category, values);
        });
        float[][] shared = new float[cards.size()][cards.size()];
        for (int i = 0; i < cards.size(); i++) {
            for (int j = 0; j < cards.size(); j++) {
                double q = i == j ? 1 : sameWrong.applyAsDouble(cards.get(i).id(), cards.get(j).id());
                if (!(q >= 0 && q <= 1)) {
                    throw new IllegalArgumentException("shared wrong answers must be 0..1, got " + q);
                }
                shared[i][j] = (float) q;
            }
        }
        return new WorkerIndex(cards.stream().map(WorkerCard::id).toList(), descriptors, categories, shared);
    }

    /** Builds the index with overall accuracy only. */
    public static WorkerIndex of(List<WorkerCard> cards, Map<String, Double> accuracy) {
        return of(cards, accuracy, Map.of());
    }

    /** Builds the index with no accuracy measured (every worker at 0): for tools that plan without training. */
    public static WorkerIndex of(List<WorkerCard> cards) {
        return of(cards, Map.of());
    }

    /** Maps $0.01..$100 per million tokens onto about -1..1 (log scale; free workers sit at the bottom). */
    private static float scaled(double usdPerMillion) {
        return (float) ((Math.log10(Math.max(usdPerMillion, 0.01)) - 0.0) / 2.0);
    }

    public int size() {
        return workerIds.size();
    }

    public String workerId(int index) {
        return workerIds.get(index);
    }

    /**
     * Returns how {@code view} meets these workers: which it offers, which are extra, which are missing.
     *
     * @throws PolicyMismatchException when the view offers none of these workers
     */
    public PoolFit fit(PoolView view) {
        List<String> known = workerIds.stream().filter(view::contains).toList();
        if (known.isEmpty()) {
            throw new PolicyMismatchException("none of this checkpoint's workers (" + String.join(", ", workerIds)
                    + ") is in the pool (" + String.join(", ", view.workerIds()) + "): train it on this pool");
        }
        return new PoolFit(known, view.workerIds().stream().filter(id -> !workerIds.contains(id)).toList(),
                workerIds.stream().filter(id -> !view.contains(id)).toList());
    }

    /**
     * Returns which pointer positions a view offers: the workers of the view this index knows. A worker it does not
     * know is left out (the policy cannot plan for it); see {@link #fit}.
     *
     * @throws PolicyMismatchException when the view offers none of these workers
     */
    public boolean[] availability(PoolView view) {
        boolean[] available = new boolean[workerIds.size()];
        for (String id : fit(view).known()) {
            available[workerIds.indexOf(id)] = true;
        }
        return available;
    }
}
