package dev.baton.execute;

import java.time.Duration;

/**
 * What one run has used of its {@link Budget} so far, as interceptors may read it. Calls of earlier rounds
 * count; the deadline counts from the start of the current round's {@link Executor#run}.
 *
 * <p>Values move while parallel steps run, so two reads may disagree; only the executor's budget
 * interceptor changes them, atomically.
 */
public interface BudgetState {

    /** Returns the limits of the run. */
    Budget budget();

    /** Returns how many calls have been made or admitted (each step's call once, retries included). */
    int calls();

    /** Returns the money spent by finished calls. */
    double spentUsd();

    /** Returns the worst-case cost held back for calls in flight. */
    double reservedUsd();

    /** Returns the time since the run started. */
    Duration elapsed();

    /** Returns the time left before the deadline, zero once it has passed. */
    Duration timeLeft();
}
