package dev.baton.learn.conductor;

import dev.baton.pool.PoolView;
import dev.baton.worker.WorkerCard;
import java.util.List;
import java.util.Objects;

/**
 * The workers a policy was trained with, in the order of its pointer, with the descriptor features it
 * sees for each (log prices). Translates between worker ids and pointer positions.
 *
 * @param workerIds   ids in pointer order
 * @param descriptors per worker: log10 of input and output USD per million tokens, scaled to about [-1, 1]
 */
public record WorkerIndex(List<String> workerIds, float[][] descriptors) {

    public WorkerIndex {
        workerIds = List.copyOf(workerIds);
        Objects.requireNonNull(descriptors, "descriptors");
        if (workerIds.isEmpty() || descriptors.length != workerIds.size()) {
            throw new IllegalArgumentException("a worker index needs one descriptor per worker");
        }
    }

    /** Builds the index of a pool's workers from their cards. */
    public static WorkerIndex of(List<WorkerCard> cards) {
        float[][] descriptors = new float[cards.size()][];
        for (int i = 0; i < cards.size(); i++) {
            var price = cards.get(i).price();
            descriptors[i] = new float[] {scaled(price.inputUsdPerMillion()), scaled(price.outputUsdPerMillion())};
        }
        return new WorkerIndex(cards.stream().map(WorkerCard::id).toList(), descriptors);
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
     * Returns which pointer positions a view offers.
     *
     * @throws dev.baton.input.UnknownNameException naming a worker of the view the policy was not trained with
     */
    public boolean[] availability(PoolView view) {
        boolean[] available = new boolean[workerIds.size()];
        for (String id : view.workerIds()) {
            int index = workerIds.indexOf(id);
            if (index < 0) {
                throw new dev.baton.input.UnknownNameException("worker '" + id + "' is unknown to this checkpoint, which was trained with: "
                        + String.join(", ", workerIds));
            }
            available[index] = true;
        }
        return available;
    }
}
