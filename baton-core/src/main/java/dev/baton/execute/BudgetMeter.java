package dev.baton.execute;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Tracks what one run has spent against its {@link Budget}. Shared by concurrently running steps, so the
 * counters change only under the meter's lock: a call and its worst-case cost are reserved before the call
 * starts, which keeps parallel steps from all taking the last slot or the last dollar.
 */
final class BudgetMeter implements BudgetState {

    private final Budget budget;
    private final long startNanos;
    private int calls;
    private double spentUsd;
    private double reservedUsd;

    BudgetMeter(Budget budget, int callsSoFar, double costSoFar) {
        this.budget = budget;
        this.startNanos = System.nanoTime();
        this.calls = callsSoFar;
        this.spentUsd = costSoFar;
    }

    /**
     * Reserves one call that may cost up to {@code worstCaseUsd}, or returns why the budget forbids it. A
     * reservation must be {@linkplain #settle settled} when the call ends.
     */
    synchronized Optional<String> reserve(double worstCaseUsd) {
        if (calls >= budget.maxCalls()) {
            return Optional.of("budget: all " + budget.maxCalls() + " calls used");
        }
        // Written so that an unlimited budget (an infinite cap) admits every call, whatever its worst case.
        if (spentUsd + reservedUsd + worstCaseUsd > budget.maxCostUsd()) {
            return Optional.of(String.format(Locale.ROOT,
                    "budget: a call that may cost up to $%.6f does not fit: $%.6f spent and $%.6f reserved of $%.6f",
                    worstCaseUsd, spentUsd, reservedUsd, budget.maxCostUsd()));
        }
        if (timeLeft().isZero()) {
            return Optional.of("budget: deadline of " + budget.deadline().toMillis() + " ms passed");
        }
        calls++;
        reservedUsd += worstCaseUsd;
        return Optional.empty();
    }

    /** Releases a reservation of {@code reservedUsd} and spends what the call actually cost. */
    synchronized void settle(double reservedUsd, double actualUsd) {
        // Floating-point subtraction may leave a residue just below zero once every call has settled.
        this.reservedUsd = Math.max(0, this.reservedUsd - reservedUsd);
        this.spentUsd += actualUsd;
    }

    @Override
    public Budget budget() {
        return budget;
    }

    @Override
    public synchronized int calls() {
        return calls;
    }

    @Override
    public synchronized double spentUsd() {
        return spentUsd;
    }

    @Override
    public synchronized double reservedUsd() {
        return reservedUsd;
    }

    @Override
    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    @Override
    public Duration timeLeft() {
        Duration left = budget.deadline().minus(elapsed());
        return left.isNegative() ? Duration.ZERO : left;
    }
}
