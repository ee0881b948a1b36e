package dev.baton.worker;

/**
 * A model Baton can call: a live provider, a replay of recorded answers, or a simulation.
 *
 * <p>Implementations must be thread-safe: the executor calls independent steps concurrently.
 */
public interface Worker {

    /** Describes this worker: id, price, limits. */
    WorkerCard card();

    /**
     * Answers one call.
     *
     * @throws WorkerException when the call fails; {@link WorkerException#retriable()} says whether trying
     *                         again may help
     */
    Reply call(CallRequest request) throws WorkerException;

    /** Returns the worker's id, shorthand for {@code card().id()}. */
    default String id() {
        return card().id();
    }
}
