package dev.baton.execute;

import java.time.Duration;

/**
 * Tracks what one run has spent against its {@link Budget}. Shared by concurrently running steps, so
 * every method is synchronized: a call slot is reserved before the call starts, which keeps two parallel
 * steps from both taking the last slot.
 */
final class BudgetMeter {

    private final Budget budget;
    private final long startNanos;
    private int calls;
    private double costUsd;

    BudgetMeter(Budget budget, int callsSoFar, double costSoFar) {
        this.budget = budget;
        this.startNanos = System.nanoTime();
        this.calls = callsSoFar;
        this.costUsd = costSoFar;
    }

    /** Reserves one call, or returns why the budget forbids it. */
    synchronized java.util.Optional<String> reserveCall() {
        if (calls >= budget.maxCalls()) {
            return java.util.Optional.of("budget: all " + budget.maxCalls() + " calls used");
        }
        if (costUsd >= budget.maxCostUsd()) {
            return java.util.Optional.of(String.format("budget: $%.6f spent of $%.6f", costUsd, budget.maxCostUsd()));
        }
        if (remaining().isZero()) {
            return java.util.Optional.of("budget: deadline of " + budget.deadline().toMillis() + " ms passed");
        }
        calls++;
        return java.util.Optional.empty();
    }

    synchronized void spend(double usd) {
        costUsd += usd;
    }

    /** Returns the time left before the deadline, zero once it has passed. */
    Duration remaining() {
        Duration left = budget.deadline().minus(elapsed());
        return left.isNegative() ? Duration.ZERO : left;
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
