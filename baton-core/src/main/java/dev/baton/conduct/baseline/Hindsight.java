package dev.baton.conduct.baseline;

import dev.baton.task.Task;

/**
 * Knows, after the fact, whether a worker answers a task correctly on its own. Only offline pools have
 * this knowledge; it powers the {@link OracleConductor}, the ceiling no real conductor can pass.
 */
@FunctionalInterface
public interface Hindsight {

    /** Returns whether {@code workerId}, asked alone, answers {@code task} correctly. */
    boolean solvesAlone(Task task, String workerId);
}
