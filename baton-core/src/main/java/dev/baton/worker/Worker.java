package dev.baton.worker;

/**
 * A model Baton can call: a live provider, a replay of recorded answers, or a simulation.
 *
 * <p>Implementations must be thread-safe: the executor calls independent steps concurrently. A call names
 * its task by {@link TaskRef} only, never with the gold answer. Each implementation's test extends the
 * {@code WorkerContract} of baton-core's test jar, which checks these promises.
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
