package dev.baton.pool;

import dev.baton.input.BadInputException;
import dev.baton.worker.Worker;
import dev.baton.worker.WorkerCard;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An ordered set of workers with unique ids.
 *
 * <p>Order matters: conductors see workers as "Model 0", "Model 1", ... in pool order.
 */
public final class Pool {

    private final Map<String, Worker> workers;

    private Pool(Map<String, Worker> workers) {
        this.workers = workers;
    }

    /** Creates a pool; fails on an empty list or a repeated worker id. */
    public static Pool of(Collection<? extends Worker> workers) {
        Map<String, Worker> byId = new LinkedHashMap<>();
        for (Worker worker : workers) {
            if (byId.putIfAbsent(worker.id(), worker) != null) {
                throw new IllegalArgumentException("worker id '" + worker.id() + "' appears twice in the pool");
            }
        }
        if (byId.isEmpty()) {
            throw new IllegalArgumentException("a pool needs at least one worker");
        }
        return new Pool(byId);
    }

    /** Returns the workers in pool order. */
    public List<Worker> workers() {
        return List.copyOf(workers.values());
    }

    /** Returns the worker ids in pool order. */
    public List<String> ids() {
        return List.copyOf(workers.keySet());
    }

    /** Returns the cards of the workers in pool order. */
    public List<WorkerCard> cards() {
        return workers.values().stream().map(Worker::card).toList();
    }

    public int size() {
        return workers.size();
    }

    /** Returns the worker with the given id, if any. */
    public Optional<Worker> find(String id) {
        return Optional.ofNullable(workers.get(id));
    }

    /** Returns the worker with the given id, or fails naming the workers that exist. */
    public Worker get(String id) {
        Worker worker = workers.get(id);
        if (worker == null) {
            throw new UnknownWorkerException(id, workers.keySet());
        }
        return worker;
    }

    /** Returns a view over all workers of this pool. */
    public PoolView view() {
        return new PoolView(ids());
    }

    /**
     * Returns a view over the given workers, in the order given.
     *
     * @throws UnknownWorkerException for an id this pool lacks
     * @throws BadInputException      for an id listed twice (the ids usually come from a flag such as {@code --workers})
     */
    public PoolView view(List<String> ids) {
        List<String> checked = new ArrayList<>();
        for (String id : ids) {
            if (checked.contains(id)) {
                throw new BadInputException("worker '" + id + "' is listed twice: " + String.join(",", ids));
            }
            checked.add(get(id).id());
        }
        return new PoolView(checked);
    }
}
