package dev.baton.execute;

import java.time.Duration;

/**
 * What one question has used of its {@link Budget} so far, as interceptors may read it: every call of every round
 * and every planning call counts, and the deadline counts from the question's start ({@link BudgetMeter#start}).
 *
 * <p>Values move while parallel steps run, so two reads may disagree; only the executor's budget
 * interceptor changes them, atomically.
 */
public interface BudgetState {

    /** Returns the limits of the question. */
    Budget budget();

    /** Returns how many calls have been made or admitted (each step's call once, retries included). */
    int calls();

    /** Returns the money spent by finished calls. */
    double spentUsd();

    /** Returns the worst-case cost held back for calls in flight. */
    double reservedUsd();

    /** Returns the time since the question started. */
    Duration elapsed();

    /** Returns the time left before the deadline, zero once it has passed. */
    Duration timeLeft();
}
