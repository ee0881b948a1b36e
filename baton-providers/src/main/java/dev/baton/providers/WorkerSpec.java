package dev.baton.providers;

/** One worker a pool file declares: a live model, or one model of a recorded benchmark replayed. */
public sealed interface WorkerSpec permits LiveWorkerSpec, ReplayWorkerSpec {

    /** Returns the worker's id in its pool. */
    String id();

    /** Returns the line people read about the worker. */
    String description();
}
